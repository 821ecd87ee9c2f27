import { readParameter } from '@sec-an/runtime/parameters';
import { queueUrlOf } from '@sec-an/runtime/sqs-handler';
import { DeadLetterWatch } from './dead-letter-watch.ts';
import { compareDocuments } from './document-comparison.ts';
import { readHistoryDocuments } from './history-documents.ts';
import { findParserRoute } from './parser-route.ts';
import { listRawObjects } from './raw-objects.ts';
import type { ReingestOptions, TaskAddress } from './reingest-options.ts';
import type { ReingestResult } from './reingest-result.ts';
import { waitForReplay } from './replay-wait.ts';
import { sendObjectEvents } from './send-events.ts';

/** The task's raw-results bucket, as the Task construct publishes it in its project's parameters. */
export const rawBucketParameter = (task: TaskAddress) => ({
  project: task.project,
  thing: `${task.task}-raw-results`,
  attribute: 'name',
});

/** The queue every results topic's scan results reach OpenSearch through. */
const ingestQueueUrlParameter = { project: 'analytics-platform', thing: 'ingest-queue', attribute: 'url' };

/**
 * Replays the task's raw objects of the window through its deployed parser and reports, per object, how its
 * history documents compare with those it had. The AWS and OpenSearch clients go where the environment says.
 */
export const reingest = async (
  options: Omit<ReingestOptions, 'backends'>,
  now: () => Date = () => new Date(),
): Promise<ReingestResult> => {
  const bucket = await readParameter(rawBucketParameter(options.task));
  const route = await findParserRoute(bucket);
  const objects = await listRawObjects(bucket, route.keyPrefix, options.window);
  const before = await readHistoryDocuments(objects);
  const common = { task: options.task, bucket, route, window: options.window, dryRun: options.dryRun };
  if (options.dryRun) {
    return {
      ...common,
      objects: objects.map((object) => ({
        object,
        documentsBefore: before.get(object.key)?.length ?? 0,
        deadLettered: false,
      })),
      deadLetters: [],
      waitedMs: 0,
    };
  }
  const started = now();
  const deadLetters = await DeadLetterWatch.start(started);
  for (const queueArn of route.queueArns) await sendObjectEvents(objects, queueArn, started);
  const after = await waitForReplay({
    objects,
    before,
    queueUrls: [
      ...(await Promise.all(route.queueArns.map(queueUrlOf))),
      await readParameter(ingestQueueUrlParameter),
    ],
    deadLetters,
    timeoutMs: options.timeoutSeconds * 1000,
  });
  await deadLetters.look();
  return {
    ...common,
    objects: objects.map((object) => {
      const was = before.get(object.key) ?? [];
      return {
        object,
        documentsBefore: was.length,
        comparison: compareDocuments(was, after.get(object.key) ?? []),
        deadLettered: deadLetters.mentions(object.key),
      };
    }),
    deadLetters: deadLetters.raised,
    waitedMs: now().getTime() - started.getTime(),
  };
};
