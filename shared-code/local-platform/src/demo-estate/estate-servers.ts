import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EstateAuthority, issueCertificate } from './certificates.ts';
import type { ServiceSpec, TlsProfile } from './estate-layout.ts';
import { type RunningService, startServerProcess } from './running-service.ts';

const bannerServer = fileURLToPath(new URL('./banner-server.ts', import.meta.url));
const tlsServerPool = fileURLToPath(new URL('./tls-server-pool.ts', import.meta.url));

/** Connections a TLS service takes at once: nmap's and the TLS scanner's (six per endpoint) together. */
const serversPerTlsService = 8;

/** The key exchange groups Mozilla's modern and intermediate profiles allow; OpenSSL's defaults add others. */
const mozillaGroups = 'X25519:prime256v1:secp384r1';

/** Mozilla's intermediate suites for TLS 1.2, as its generated configurations write them for OpenSSL. */
const intermediateCiphers = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'DHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-CHACHA20-POLY1305',
].join(':');

/**
 * openssl s_server's protocol, cipher and group options for each quality, as Mozilla's configuration generator
 * writes them: modern is TLS 1.3 alone; intermediate TLS 1.2 and 1.3 with forward-secret AEAD suites; legacy is
 * TLS 1.0 and 1.1 with every suite openssl still has, anonymous ones included (security level 0 lets OpenSSL 3
 * offer them at all), and OpenSSL's default groups.
 */
const tlsOptions: Readonly<Record<TlsProfile, readonly string[]>> = {
  modern: ['-tls1_3', '-groups', mozillaGroups],
  intermediate: ['-no_tls1', '-no_tls1_1', '-cipher', intermediateCiphers, '-groups', mozillaGroups],
  legacy: ['-no_tls1_2', '-no_tls1_3', '-cipher', 'ALL:@SECLEVEL=0'],
};

const prepareTls = async (
  directory: string,
  address: string,
  service: Extract<ServiceSpec, { kind: 'tls' }>,
  authority: EstateAuthority,
): Promise<() => Promise<RunningService>> => {
  const files = await issueCertificate(
    directory,
    `${address}-${service.port}`,
    service.certificate,
    authority,
  );
  return () =>
    startServerProcess(
      address,
      service.port,
      process.execPath,
      [
        tlsServerPool,
        address,
        String(service.port),
        `${address}-${service.port}-servers`,
        String(serversPerTlsService),
        // Relative to each server's own folder two levels down, as the pool starts them there.
        '-cert',
        join('..', '..', files.certificate),
        '-key',
        join('..', '..', files.key),
        '-www',
        '-quiet',
        ...tlsOptions[service.profile],
      ],
      directory,
      true,
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

/**
 * Prepares one service of the estate on its address, a TLS server's certificate signed by the estate's authority;
 * the starter returns once it accepts connections.
 */
export const prepareService = async (
  directory: string,
  address: string,
  service: ServiceSpec,
  authority: EstateAuthority,
): Promise<ServiceStarter> => {
  switch (service.kind) {
    case 'tls':
      return prepareTls(directory, address, service, authority);
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
