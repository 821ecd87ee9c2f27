import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '@sec-an/local-platform/processes';
import type { KeyPair } from './certificates.ts';

/** What a test certificate is issued for, and when it is valid. */
export interface LeafOptions {
  /** DNS names and IP addresses for the subjectAltName extension; the first is also the common name. */
  readonly names: readonly string[];
  /** Leave the subjectAltName extension out (a certificate that names its host only in the common name). */
  readonly withoutSubjectAltName?: boolean;
  /** Leave keyUsage out, so OpenSSL lets the certificate sign others though it is no CA. */
  readonly withoutKeyUsage?: boolean;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly keyType?: 'rsa' | 'ec';
  /** Who signs it: the intermediate (default), the root directly, or any key pair (a leaf, to make a bad issuer). */
  readonly issuer?: 'intermediate' | 'root' | KeyPair;
}

/** A private certificate authority made by openssl: a root, an intermediate under it, and leaves on demand. */
export interface TestPki {
  readonly root: KeyPair;
  readonly intermediate: KeyPair;
  readonly issueLeaf: (label: string, options: LeafOptions) => Promise<KeyPair>;
}

const day = 86_400_000;

const openssl = async (args: readonly string[]): Promise<void> => {
  const result = await runCommand('openssl', args, { timeoutMs: 60_000 });
  if (result.exitCode !== 0) throw new Error(`openssl ${args[0]} failed: ${result.output}`);
};

/** openssl ca's `-startdate`/`-enddate` take an ASN.1 GeneralizedTime: YYYYMMDDHHMMSSZ. */
const generalizedTime = (date: Date): string => `${date.toISOString().replace(/\D/g, '').slice(0, 14)}Z`;

const keyArguments = (keyType: 'rsa' | 'ec'): string[] =>
  keyType === 'rsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];

const isAddress = (name: string): boolean => /^[\d.]+$/.test(name) || name.includes(':');

const subjectAltName = (names: readonly string[]): string =>
  names.map((name) => (isAddress(name) ? `IP:${name}` : `DNS:${name}`)).join(', ');

const caExtensions = [
  '[ intermediate ]',
  'basicConstraints = critical, CA:TRUE, pathlen:0',
  'keyUsage = critical, keyCertSign, cRLSign',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid',
];

const leafExtensions = (options: LeafOptions): string[] => [
  '[ leaf ]',
  'basicConstraints = critical, CA:FALSE',
  ...(options.withoutKeyUsage === true ? [] : ['keyUsage = critical, digitalSignature, keyEncipherment']),
  'extendedKeyUsage = serverAuth',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid',
  ...(options.withoutSubjectAltName === true ? [] : [`subjectAltName = ${subjectAltName(options.names)}`]),
];

/** The configuration `openssl ca` needs to sign as `authority`, with its own database in `directory`. */
const caConfiguration = (directory: string, authority: KeyPair, extensions: readonly string[]): string => {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'index.txt'), '');
  const path = join(directory, 'openssl.cnf');
  writeFileSync(
    path,
    [
      '[ ca ]',
      'default_ca = this_ca',
      '[ this_ca ]',
      `database = ${join(directory, 'index.txt')}`,
      `new_certs_dir = ${directory}`,
      `certificate = ${authority.certificate}`,
      `private_key = ${authority.key}`,
      'rand_serial = yes',
      'default_md = sha256',
      'policy = any_name',
      'unique_subject = no',
      'email_in_dn = no',
      '[ any_name ]',
      'organizationName = optional',
      'commonName = supplied',
      ...extensions,
      '',
    ].join('\n'),
  );
  return path;
};

interface Signing {
  readonly configuration: string;
  readonly extensions: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** A new key and certificate for `subject`, signed with `openssl ca` under `signing`. */
const signedKeyPair = async (
  directory: string,
  label: string,
  subject: string,
  keyType: 'rsa' | 'ec',
  signing: Signing,
): Promise<KeyPair> => {
  const pair = { certificate: join(directory, `${label}.crt`), key: join(directory, `${label}.key`) };
  const request = join(directory, `${label}.csr`);
  await openssl(
    ['req', '-new', ...keyArguments(keyType), '-nodes', '-subj', subject, '-keyout', pair.key].concat([
      '-out',
      request,
    ]),
  );
  await openssl([
    'ca',
    '-batch',
    '-notext',
    '-config',
    signing.configuration,
    '-extensions',
    signing.extensions,
    '-startdate',
    generalizedTime(signing.notBefore),
    '-enddate',
    generalizedTime(signing.notAfter),
    '-in',
    request,
    '-out',
    pair.certificate,
  ]);
  return pair;
};

const selfSignedRoot = async (directory: string, organisation: string): Promise<KeyPair> => {
  const root = { certificate: join(directory, 'root.crt'), key: join(directory, 'root.key') };
  await openssl([
    'req',
    '-x509',
    ...keyArguments('rsa'),
    '-nodes',
    '-sha256',
    '-days',
    '3650',
    '-subj',
    `/O=${organisation}/CN=${organisation} Root`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    root.key,
    '-out',
    root.certificate,
  ]);
  return root;
};

/**
 * Makes a root and an intermediate in `directory` with openssl (real tools, no stored PEM); leaves are issued
 * with explicit validity dates, so expired and not-yet-valid certificates are as real as current ones.
 */
export const createTestPki = async (directory: string, organisation = 'Sec-An Test'): Promise<TestPki> => {
  mkdirSync(directory, { recursive: true });
  const now = Date.now();
  const root = await selfSignedRoot(directory, organisation);
  const rootSigning = caConfiguration(join(directory, 'root-ca'), root, caExtensions);
  const intermediate = await signedKeyPair(
    directory,
    'intermediate',
    `/O=${organisation}/CN=${organisation} Intermediate`,
    'rsa',
    {
      configuration: rootSigning,
      extensions: 'intermediate',
      notBefore: new Date(now - 365 * day),
      notAfter: new Date(now + 5 * 365 * day),
    },
  );
  const issueLeaf = async (label: string, options: LeafOptions): Promise<KeyPair> => {
    const authority =
      options.issuer === 'root'
        ? root
        : options.issuer === undefined || options.issuer === 'intermediate'
          ? intermediate
          : options.issuer;
    const leafDirectory = join(directory, label);
    const configuration = caConfiguration(leafDirectory, authority, leafExtensions(options));
    return signedKeyPair(
      leafDirectory,
      label,
      `/O=${organisation}/CN=${options.names[0] ?? label}`,
      options.keyType ?? 'ec',
      {
        configuration,
        extensions: 'leaf',
        notBefore: options.notBefore ?? new Date(now - day),
        notAfter: options.notAfter ?? new Date(now + 90 * day),
      },
    );
  };
  return { root, intermediate, issueLeaf };
};
