import { benchLine } from '@sec-an/local-platform/bench';
import { startMoto } from '@sec-an/local-platform/moto';
import { instanceDir } from '@sec-an/local-platform/paths';
import { findFreePort } from '@sec-an/local-platform/ports';
import { stopProcess } from '@sec-an/local-platform/processes';
import { resetMoto } from '@sec-an/testing/reset';
import { setReaderRoles } from '../dns-inventory/test-fixtures.ts';
import { planAndInitiate, runFailure } from '../initiator/index.ts';
import { readPlan } from '../initiator/plans-table.ts';
import {
  createEstateZone,
  createInitiatorResources,
  ingestEstate,
  putPlanSettings,
  putScanScope,
} from '../initiator/test-fixtures.ts';
import { defaultPlanSettings } from '../planning/index.ts';
import { syntheticAddresses } from '../planning/test-estates.ts';
import {
  type CountedRequest,
  countsByOperation,
  type RequestCounter,
  startRequestCounter,
} from './request-counter.ts';

type Print = (line: string) => void;

/** The estate measured, and a tenth of it as the reference: what it costs per address should not grow. */
const estateSize = 1_000;
const referenceSize = 100;
/** The run fires this long after its bucket boundary, as a scheduled run does. */
const scheduleLatencyMs = 1_000;

interface Day {
  readonly addresses: number;
  /** One DNS ingest (a day's). */
  readonly ingest: readonly CountedRequest[];
  /** The first run, which only plans. */
  readonly planRun: readonly CountedRequest[];
  /** One run per bucket over a whole period; the last plans the next period, as every day's last run does. */
  readonly runs: readonly CountedRequest[];
}

const measured = async <T>(counter: RequestCounter, work: () => Promise<T>) => {
  counter.reset();
  const result = await work();
  return { result, requests: counter.requests() };
};

/**
 * A day of the estate at the default settings (a day in 96 buckets): the DNS ingest through a reader role, the
 * plan, and the initiator run at every bucket's start, on simulated time (the runs' own clock), counted at the
 * endpoint. Every scan of the plan must have been queued.
 */
const measureDay = async (counter: RequestCounter, motoEndpoint: string, addresses: number): Promise<Day> => {
  await resetMoto(motoEndpoint);
  const settings = await createInitiatorResources(`bench-${addresses}`);
  await putScanScope({ allow: { cidrs: ['10.0.0.0/8', '2001:db8::/32'] } });
  await putPlanSettings(defaultPlanSettings.periodSeconds, defaultPlanSettings.buckets);
  await setReaderRoles('arn:aws:iam::123456789012:role/dns-reader');
  await createEstateZone('example.com', syntheticAddresses(addresses));

  const ingest = await measured(counter, ingestEstate);
  const first = await measured(counter, () => planAndInitiate(settings, { now: Date.now }));
  const plan = await readPlan(settings.scanPlansTable, first.result.planSwitch?.to ?? '');
  if (plan === undefined) throw new Error('the first run made no plan');
  const bucketMs = (plan.periodSeconds * 1000) / plan.buckets;
  let queued = 0;
  const day = await measured(counter, async () => {
    for (let bucket = 0; bucket < plan.buckets; bucket += 1) {
      const at = plan.startsAt + bucket * bucketMs + scheduleLatencyMs;
      const report = await planAndInitiate(settings, { now: () => at });
      const failure = runFailure(report);
      if (failure !== undefined) throw failure;
      queued += report.initiations.flatMap(({ buckets }) => buckets).reduce((sum, { sent }) => sum + sent, 0);
    }
  });
  if (queued !== addresses) throw new Error(`a day queued ${queued} scans of ${addresses} addresses`);
  return { addresses, ingest: ingest.requests, planRun: first.requests, runs: day.requests };
};

const perAddress = (requests: readonly CountedRequest[], addresses: number): number =>
  requests.length / addresses;

/**
 * AWS requests per address per day for the DNS ingest, the plan and the initiation, counted by a proxy in front
 * of moto (what the endpoint receives, whichever client sent it): for an estate of 1,000 addresses in Route53,
 * against the same figure for 100 addresses measured in the same run, and by operation.
 */
export const benchAwsRequests = async (print: Print): Promise<void> => {
  const stateDir = instanceDir('bench-task-execution');
  const moto = await startMoto({ port: await findFreePort(), stateDir, readyTimeoutMs: 60_000 });
  const counter = await startRequestCounter(moto.endpoint);
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: counter.endpoint,
    AWS_REGION: 'eu-west-2',
    AWS_DEFAULT_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    SEC_AN_STAGE: 'bench',
    // Runs a quarter of an hour apart each read their settings again; simulated ones must too.
    POWERTOOLS_PARAMETERS_MAX_AGE: '0',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
  try {
    const reference = await measureDay(counter, moto.endpoint, referenceSize);
    const day = await measureDay(counter, moto.endpoint, estateSize);
    const total = (of: Day) => [...of.ingest, ...of.runs];
    const figure = (requests: readonly CountedRequest[], of: Day = day) => perAddress(requests, of.addresses);
    const line = (id: string, value: number, ref?: { id: string; value: number }) =>
      print(
        benchLine({
          id,
          value,
          unit: 'requests/address/day',
          ...(ref === undefined ? {} : { reference: ref }),
        }),
      );
    line('aws-requests.dns-ingest.1e3', figure(day.ingest));
    line('aws-requests.plan.1e3', figure(day.planRun));
    line('aws-requests.plan-and-initiate.1e3', figure(day.runs));
    line('aws-requests.total.1e3', figure(total(day)), {
      id: 'aws-requests.total.1e2',
      value: figure(total(reference), reference),
    });
    for (const [operation, count] of Object.entries(countsByOperation(total(day)))) {
      line(
        `aws-requests.by-operation.${operation.replace(':', '.').replace(/[^\w.-]+/g, '-')}.1e3`,
        count / day.addresses,
      );
    }
  } finally {
    await counter.stop();
    await stopProcess(moto.process);
  }
};
