import type { EstateLayout } from '../demo-estate/index.ts';

/** A compressed day: one plan period cut into buckets; the initiator runs at each bucket's start. */
export interface PlanCompression {
  readonly periodSeconds: number;
  readonly buckets: number;
}

/** Two buckets of a minute, the shortest the planner allows: every address is scanned once every two minutes. */
export const demoPlan: PlanCompression = { periodSeconds: 120, buckets: 2 };

/**
 * The deploy settings the main job deploys with, as a person would set them before `cdktf deploy`: the estate's
 * network is the whole scan scope, the plan is compressed, and nmap probes the estate's ports only (every port of
 * an address would take minutes), with the TLS scripts, at the fastest timing loopback allows. The TLS scanner
 * trusts the estate's own authority besides Mozilla's roots, as an organisation trusts its private CA, so its
 * grades judge the servers' TLS rather than an unknown issuer (every endpoint would be T).
 */
export const mainJobDeploySettings = (
  layout: EstateLayout,
  plan: PlanCompression,
  trustedRootsPem: string,
): Record<string, string> => ({
  SEC_AN_TLS_TRUSTED_ROOTS: trustedRootsPem,
  SEC_AN_SCAN_SCOPE: JSON.stringify({
    allow: { cidrs: [layout.network], suffixes: [] },
    deny: { cidrs: [], suffixes: [] },
  }),
  SEC_AN_PLAN_PERIOD_SECONDS: String(plan.periodSeconds),
  SEC_AN_PLAN_BUCKETS: String(plan.buckets),
  SEC_AN_NMAP_SCAN_PROFILE: JSON.stringify({
    ports: layout.scannedPorts.join(','),
    timing: 4,
    versionIntensity: 2,
    scripts: ['ssl-cert', 'ssl-enum-ciphers'],
    hostDiscovery: false,
    reverseDns: false,
    hostTimeoutSeconds: 90,
    overallTimeoutSeconds: 120,
  }),
});
