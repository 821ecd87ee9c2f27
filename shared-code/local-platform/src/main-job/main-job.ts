import { join } from 'node:path';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { backendsEnvironment } from '../backends/index.ts';
import { type DemoEstate, type EstateLayout, startDemoEstate } from '../demo-estate/index.ts';
import { type DeployResult, progressLine as deployLine, deployPlatform } from '../platform/index.ts';
import type { CycleObservation } from './cycle-observation.ts';
import { publishEstateZone } from './estate-zone.ts';
import { type MainJobSummary, summarise } from './main-job-summary.ts';
import { invokeDeployed } from './platform-functions.ts';
import { demoPlan, mainJobDeploySettings, type PlanCompression } from './platform-settings.ts';
import type { SearchClient as Client } from './search-reads.ts';
import type { Teardown } from './teardown.ts';
import { waitForCycle } from './wait-for-cycle.ts';

export interface MainJobOptions {
  readonly instance: string;
  /** The running backends. The process's AWS clients must already point at them (`backendsEnvironment`). */
  readonly backends: { readonly motoEndpoint: string; readonly openSearchEndpoint: string };
  readonly layout: EstateLayout;
  /** The estate's files (certificates, the HTTP page). */
  readonly estateDir: string;
  /** The compute's state; by default the instance's folder, where `status` and `logs` read it. */
  readonly computeStateDir?: string;
  readonly plan?: PlanCompression;
  /** How long one cycle, from its plan to the last ingest, may take. */
  readonly cycleTimeoutMs?: number;
  /** Everything the job starts is added here, to be stopped by whoever runs the job. */
  readonly teardown: Teardown;
  readonly say: (line: string) => void;
}

/** The platform deployed, the estate running and scanned once: what the summary and later cycles work on. */
export interface MainJob {
  readonly deployed: DeployResult;
  readonly estate: DemoEstate;
  readonly client: Client;
  /** When the first cycle began: its scans, and every change since, belong to this run. */
  readonly startedAt: number;
  readonly firstCycle: CycleObservation;
  /** Watches the cycle of scans started from `since` on, until every in-scope address has its new results. */
  readonly nextCycle: (since: number) => Promise<CycleObservation>;
  readonly summary: () => Promise<MainJobSummary>;
}

const cycleTimeout = (plan: PlanCompression): number => (plan.periodSeconds * 3 + 180) * 1000;

const stage = (say: (line: string) => void, name: string, text: string): void =>
  say(`${name.padEnd(11)} ${text}`);

const describeCount = (payload: Record<string, unknown>, ...fields: string[]): string =>
  fields.map((field) => `${String(payload[field] ?? '?')} ${field}`).join(', ');

/**
 * The main job after the backends are up: the demo estate started, every project deployed to the backends with
 * the estate as its scope and a compressed plan, the estate's zone in Route53, the DNS ingest and the initiator
 * run, and the first cycle of scans watched until every in-scope address has its results in OpenSearch.
 */
export const runMainJob = async (options: MainJobOptions): Promise<MainJob> => {
  const { say, layout, teardown } = options;
  const plan = options.plan ?? demoPlan;
  const estate = await startDemoEstate(layout, options.estateDir);
  teardown.add('the demo estate', estate.stop);
  const environment = {
    ...backendsEnvironment(options.backends),
    ...mainJobDeploySettings(layout, plan, estate.authority.pem),
  };
  const services = layout.addresses.reduce((sum, address) => sum + address.services.length, 0);
  stage(say, 'estate', `${services} services on ${layout.addresses.length} addresses of ${layout.network}`);

  const deployed = await deployPlatform({
    instance: options.instance,
    environment,
    compute: {
      ...(options.computeStateDir === undefined ? {} : { stateDir: options.computeStateDir }),
      environment: { ...environment, POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true' },
    },
    onProgress: (event) => {
      if (event.step === 'provision') return;
      const line = deployLine(event);
      if (line !== undefined) say(line);
    },
  });
  teardown.add('the platform compute', deployed.compute.stop);
  stage(
    say,
    'deployed',
    `${deployed.stackCount} stacks, ${deployed.deployment.functions.length} functions running; ` +
      `plan: ${plan.buckets} buckets of ${plan.periodSeconds / plan.buckets} s`,
  );

  const zone = await publishEstateZone(layout);
  stage(say, 'route53', `zone ${layout.zone} (${zone.zoneId}): ${zone.records} host records`);
  const startedAt = Date.now();
  const ingest = await invokeDeployed(deployed, 'task-execution', 'dns-ingest');
  stage(say, 'dns ingest', describeCount(ingest, 'hosts', 'addresses'));
  const initiated = (await invokeDeployed(deployed, 'task-execution', 'plan-and-initiate')) as {
    planSwitch?: { reason: string; to: string };
  };
  stage(
    say,
    'plan',
    initiated.planSwitch === undefined
      ? 'the current plan stands'
      : `${initiated.planSwitch.to} (${initiated.planSwitch.reason}); scans start at its first bucket`,
  );

  const client = openSearchClient({ endpoint: options.backends.openSearchEndpoint, auth: 'none' });
  const nextCycle = (since: number) =>
    waitForCycle({
      client,
      deployment: deployed.deployment,
      since,
      timeoutMs: options.cycleTimeoutMs ?? cycleTimeout(plan),
      onProgress: say,
    });
  const firstCycle = await nextCycle(startedAt);
  stage(say, 'cycle', `every in-scope address scanned, parsed and ingested; queues drained`);
  return {
    deployed,
    estate,
    client,
    startedAt,
    firstCycle,
    nextCycle,
    summary: () => summarise(client, deployed.deployment, startedAt),
  };
};

/** Where the command keeps the estate's files: beside the instance's other state. */
export const estateDirectory = (instanceDirectory: string): string => join(instanceDirectory, 'demo-estate');
