import { join } from 'node:path';
import { runCommand } from '@sec-an/local-platform/processes';

export interface KeyPair {
  readonly certificate: string;
  readonly key: string;
}

const openssl = async (args: readonly string[]): Promise<void> => {
  const result = await runCommand('openssl', args, { timeoutMs: 60_000 });
  if (result.exitCode !== 0) throw new Error(`openssl ${args[0]} failed: ${result.output}`);
};

/** A self-signed certificate for `name` (RSA 2048, SHA-256), made by openssl in `directory`. */
export const selfSignedCertificate = async (
  directory: string,
  label: string,
  name: string,
): Promise<KeyPair> => {
  const pair = { certificate: join(directory, `${label}.crt`), key: join(directory, `${label}.key`) };
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-sha256',
    '-days',
    '30',
    '-subj',
    `/CN=${name}`,
    '-addext',
    `subjectAltName=DNS:${name}`,
    '-keyout',
    pair.key,
    '-out',
    pair.certificate,
  ]);
  return pair;
};
