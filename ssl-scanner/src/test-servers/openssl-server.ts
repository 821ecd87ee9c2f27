import { spawn } from 'node:child_process';
import { findFreePort, loopback } from '@sec-an/local-platform/ports';
import type { KeyPair } from './certificates.ts';

export interface OpenSslServerOptions {
  readonly keyPair: KeyPair;
  /** A PEM file of the certificates served after the leaf (intermediates), none when absent. */
  readonly chain?: string;
  /** s_server protocol switches, e.g. `['-tls1_3']` or `['-no_tls1_2', '-no_tls1_3']`. */
  readonly protocols: readonly string[];
  /** Key exchange groups in OpenSSL's names (`X25519`, `prime256v1`...); OpenSSL's defaults when absent. */
  readonly groups?: readonly string[];
  /** TLS 1.2-and-older suites (OpenSSL names, may end in `:@SECLEVEL=0`). */
  readonly cipher?: string;
  readonly ciphersuites?: string;
  readonly serverPreference?: boolean;
}

export interface RunningServer {
  readonly port: number;
  readonly stop: () => Promise<void>;
}

/** Starts `openssl s_server` (argument vector, no shell) on a free loopback port; resolves once it accepts. */
export const startOpenSslServer = async (options: OpenSslServerOptions): Promise<RunningServer> => {
  const port = await findFreePort();
  const args = [
    's_server',
    '-accept',
    `${loopback}:${port}`,
    '-cert',
    options.keyPair.certificate,
    '-key',
    options.keyPair.key,
    ...(options.chain === undefined ? [] : ['-cert_chain', options.chain]),
    '-naccept',
    '100000',
    ...options.protocols,
    ...(options.groups === undefined ? [] : ['-groups', options.groups.join(':')]),
    ...(options.cipher === undefined ? [] : ['-cipher', options.cipher]),
    ...(options.ciphersuites === undefined ? [] : ['-ciphersuites', options.ciphersuites]),
    ...(options.serverPreference === true ? ['-serverpref'] : []),
  ];
  const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`openssl s_server did not start: ${output}`)), 10_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('ACCEPT')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl s_server exited with ${code}: ${output}`));
    });
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};
