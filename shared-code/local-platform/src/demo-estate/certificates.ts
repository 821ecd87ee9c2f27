import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../processes/index.ts';
import type { CertificateSpec } from './estate-layout.ts';

export class EstateError extends Error {
  override readonly name = 'EstateError';
}

export interface CertificateFiles {
  readonly certificate: string;
  readonly key: string;
}

/**
 * The estate's own certificate authority: a root that signs every server's certificate, as an organisation's
 * private CA does. A scanner told to trust it judges the servers' TLS rather than an unknown issuer.
 */
export interface EstateAuthority extends CertificateFiles {
  /** The root certificate in PEM, as trust anchors are given to a scanner. */
  readonly pem: string;
}

const authorityName = 'demo-estate-ca';

const openssl = async (directory: string, args: readonly string[], what: string): Promise<void> => {
  const result = await runCommand('openssl', args, { cwd: directory });
  if (result.exitCode !== 0) {
    throw new EstateError(`openssl could not ${what} in ${directory}: ${result.output}`);
  }
};

const newKey = (keyType: CertificateSpec['keyType'], bits: number): string[] =>
  keyType === 'ec'
    ? ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:P-${bits}`]
    : ['-newkey', `rsa:${bits}`];

/**
 * A new root (a new key each time the estate starts), valid ten years, allowed to sign server certificates only.
 * Its key is ECDSA P-256, so every certificate it signs is signed ecdsa-with-SHA256, a signature every Mozilla
 * profile but old accepts: the servers' own settings decide which profile they meet.
 */
export const createEstateAuthority = async (directory: string): Promise<EstateAuthority> => {
  const files = { certificate: `${authorityName}.crt`, key: `${authorityName}.key` };
  await openssl(
    directory,
    [
      'req',
      '-x509',
      ...newKey('ec', 256),
      '-nodes',
      '-keyout',
      files.key,
      '-out',
      files.certificate,
      '-days',
      '3650',
      '-subj',
      '/O=sec-an demo estate/CN=sec-an demo estate root CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE,pathlen:0',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    'create the estate certificate authority',
  );
  return {
    certificate: join(directory, files.certificate),
    key: join(directory, files.key),
    pem: readFileSync(join(directory, files.certificate), 'utf8'),
  };
};

const leafExtensions = (spec: CertificateSpec): string =>
  [
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth',
    `subjectAltName = ${spec.names.map((name) => `DNS:${name}`).join(', ')}`,
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    '',
  ].join('\n');

/**
 * A server certificate and its new key, signed by the estate's authority, for the names given (the first is the
 * subject's common name, all are subject alternative names). The files keep their names across rotations, so the
 * server's command line, which nmap's version detection reports, stays the same.
 */
export const issueCertificate = async (
  directory: string,
  baseName: string,
  spec: CertificateSpec,
  authority: EstateAuthority,
): Promise<CertificateFiles> => {
  const [commonName] = spec.names;
  if (commonName === undefined) throw new EstateError(`certificate ${baseName} names no host`);
  const files = { certificate: `${baseName}.crt`, key: `${baseName}.key` };
  const request = `${baseName}.csr`;
  const extensions = `${baseName}.ext`;
  writeFileSync(join(directory, extensions), leafExtensions(spec));
  await openssl(
    directory,
    [
      'req',
      '-new',
      ...newKey(spec.keyType, spec.keyBits),
      '-nodes',
      '-keyout',
      files.key,
      '-out',
      request,
      '-subj',
      `/CN=${commonName}`,
    ],
    `request certificate ${baseName}`,
  );
  await openssl(
    directory,
    [
      'x509',
      '-req',
      '-in',
      request,
      '-CA',
      authority.certificate,
      '-CAkey',
      authority.key,
      // A rotation must never reuse a serial: a client keys revocation and caches on issuer and serial.
      '-set_serial',
      `0x${randomBytes(16).toString('hex')}`,
      '-days',
      String(spec.daysValid),
      '-sha256',
      '-extfile',
      extensions,
      '-out',
      files.certificate,
    ],
    `sign certificate ${baseName}`,
  );
  return files;
};
