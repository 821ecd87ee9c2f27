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
 * an address would take minutes), with the TLS scripts, at the fastest timing loopback allows.
 */
export const mainJobDeploySettings = (
  layout: EstateLayout,
  plan: PlanCompression,
): Record<string, string> => ({
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
