import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueCertificate } from './certificates.ts';
import type { ServiceSpec, TlsProfile } from './estate-layout.ts';
import { type RunningService, startServerProcess } from './running-service.ts';

const bannerServer = fileURLToPath(new URL('./banner-server.ts', import.meta.url));

/**
 * openssl s_server's protocol and cipher options for each quality: TLS 1.3 alone; TLS 1.2 with forward-secret
 * AEAD suites; TLS 1.0 and 1.1 with every suite openssl still has, anonymous ones included (security level 0 lets
 * OpenSSL 3 offer them at all).
 */
const tlsOptions: Readonly<Record<TlsProfile, readonly string[]>> = {
  modern: ['-tls1_3'],
  intermediate: ['-no_tls1', '-no_tls1_1', '-no_tls1_3', '-cipher', 'ECDHE+AESGCM:ECDHE+CHACHA20'],
  legacy: ['-no_tls1_2', '-no_tls1_3', '-cipher', 'ALL:@SECLEVEL=0'],
};

const prepareTls = async (
  directory: string,
  address: string,
  service: Extract<ServiceSpec, { kind: 'tls' }>,
): Promise<() => Promise<RunningService>> => {
  const files = await issueCertificate(directory, `${address}-${service.port}`, service.certificate);
  return () =>
    startServerProcess(
      address,
      service.port,
      'openssl',
      [
        's_server',
        '-accept',
        `${address}:${service.port}`,
        '-cert',
        files.certificate,
        '-key',
        files.key,
        '-www',
        '-quiet',
        ...tlsOptions[service.profile],
      ],
      directory,
    );
};

/** Python's HTTP server, serving a page from the estate's folder. */
const startHttp = (directory: string, address: string, port: number): Promise<RunningService> => {
  writeFileSync(
    join(directory, 'index.html'),
    '<html><head><title>sec-an demo estate</title></head></html>\n',
  );
  return startServerProcess(
    address,
    port,
    'python3',
    ['-m', 'http.server', String(port), '--bind', address, '--directory', directory],
    directory,
  );
};

/** A service made ready to start: what takes time (a new key) is done, so a restart leaves its port closed briefly. */
export type ServiceStarter = () => Promise<RunningService>;

/** Prepares one service of the estate on its address; the starter returns once it accepts connections. */
export const prepareService = async (
  directory: string,
  address: string,
  service: ServiceSpec,
): Promise<ServiceStarter> => {
  switch (service.kind) {
    case 'tls':
      return prepareTls(directory, address, service);
    case 'http':
      return () => startHttp(directory, address, service.port);
    case 'banner':
      return () =>
        startServerProcess(
          address,
          service.port,
          process.execPath,
          [bannerServer, address, String(service.port), service.banner],
          directory,
        );
  }
};
