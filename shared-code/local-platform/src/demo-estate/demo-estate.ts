import { mkdirSync } from 'node:fs';
import { canonicalJson } from '@sec-an/contracts/entity-key';
import { createEstateAuthority, type EstateAuthority } from './certificates.ts';
import type { EstateLayout, ServiceSpec } from './estate-layout.ts';
import { prepareService, type ServiceStarter } from './estate-servers.ts';
import type { RunningService } from './running-service.ts';

/** The estate's services, running as its layout says; `apply` moves it to another layout. */
export interface DemoEstate {
  /** The layout the running services are in now: the truth a scan is checked against. */
  readonly layout: () => EstateLayout;
  /** The authority that signed every TLS server's certificate: the trust anchor a scanner is given. */
  readonly authority: EstateAuthority;
  /** Stops what the new layout no longer has, starts what it adds, and restarts what it changes. */
  readonly apply: (next: EstateLayout) => Promise<void>;
  readonly stop: () => Promise<void>;
}

interface Placed {
  readonly address: string;
  readonly service: ServiceSpec;
}

const endpointOf = ({ address, service }: Placed): string => `${address}:${service.port}`;

/** A TLS service whose certificate alone changed: it reloads it, as a real server does, and its port stays open. */
const certificateOnly = (was: ServiceSpec | undefined, now: ServiceSpec | undefined): boolean =>
  was?.kind === 'tls' &&
  now?.kind === 'tls' &&
  canonicalJson({ ...was, certificate: null }) === canonicalJson({ ...now, certificate: null });

const placedServices = (layout: EstateLayout): Map<string, Placed> =>
  new Map(
    layout.addresses.flatMap(({ address, services }) =>
      services.map((service) => [endpointOf({ address, service }), { address, service }] as const),
    ),
  );

/**
 * Starts every service of the layout, with its files (the authority, certificates, the HTTP page) in `directory`.
 */
export const startDemoEstate = async (layout: EstateLayout, directory: string): Promise<DemoEstate> => {
  mkdirSync(directory, { recursive: true });
  const authority = await createEstateAuthority(directory);
  let current: EstateLayout = { ...layout, addresses: [] };
  const running = new Map<string, RunningService>();

  const stopEndpoint = async (endpoint: string): Promise<void> => {
    await running.get(endpoint)?.stop();
    running.delete(endpoint);
  };
  const stop = async (): Promise<void> => {
    await Promise.all([...running.keys()].map(stopEndpoint));
  };
  const apply = async (next: EstateLayout): Promise<void> => {
    const before = placedServices(current);
    const after = placedServices(next);
    const differs = (endpoint: string) =>
      canonicalJson(before.get(endpoint)?.service ?? null) !==
      canonicalJson(after.get(endpoint)?.service ?? null);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(differs);
    const reloaded = changed.filter(
      (endpoint) =>
        running.get(endpoint)?.reload !== undefined &&
        certificateOnly(before.get(endpoint)?.service, after.get(endpoint)?.service),
    );
    // Preparing issues a TLS service's new certificate, which a reload then reads from the same files.
    const starters = new Map<string, ServiceStarter>();
    for (const endpoint of changed) {
      const placed = after.get(endpoint);
      if (placed !== undefined)
        starters.set(endpoint, await prepareService(directory, placed.address, placed.service, authority));
    }
    await Promise.all(reloaded.map((endpoint) => running.get(endpoint)?.reload?.()));
    const restarted = changed.filter((endpoint) => !reloaded.includes(endpoint));
    await Promise.all(restarted.map(stopEndpoint));
    for (const endpoint of restarted) {
      const start = starters.get(endpoint);
      if (start !== undefined) running.set(endpoint, await start());
    }
    current = next;
  };

  try {
    await apply(layout);
  } catch (error) {
    await stop();
    throw error;
  }
  return { layout: () => current, authority, apply, stop };
};
