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
 * A self-signed certificate and its new key, made by openssl, for the names given (the first is the subject's
 * common name, all are subject alternative names). The files keep their names across rotations, so the server's
 * command line, which nmap's version detection reports, stays the same.
 */
export const issueCertificate = async (
  directory: string,
  baseName: string,
  spec: CertificateSpec,
): Promise<CertificateFiles> => {
  const [commonName] = spec.names;
  if (commonName === undefined) throw new EstateError(`certificate ${baseName} names no host`);
  const files = { certificate: `${baseName}.crt`, key: `${baseName}.key` };
  const result = await runCommand(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      `rsa:${spec.keyBits}`,
      '-nodes',
      '-keyout',
      files.key,
      '-out',
      files.certificate,
      '-days',
      String(spec.daysValid),
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      `subjectAltName=${spec.names.map((name) => `DNS:${name}`).join(',')}`,
    ],
    { cwd: directory },
  );
  if (result.exitCode !== 0) {
    throw new EstateError(
      `openssl could not issue certificate ${join(directory, files.certificate)}: ${result.output}`,
    );
  }
  return files;
};
