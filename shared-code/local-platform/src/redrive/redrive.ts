import { deadLetterBucketParameter } from '@sec-an/constructs/dead-letter-recorder';
import { readParameter } from '@sec-an/runtime/parameters';
import { redriveArchive } from './archive-redrive.ts';
import { redriveQueue } from './queue-redrive.ts';
import type { RedriveOptions } from './redrive-options.ts';
import type { RedriveResult } from './redrive-result.ts';

/**
 * Redrives from the archive (the bucket shared-infra publishes for the stage in SEC_AN_STAGE) or from a
 * dead-letter queue, through the AWS clients as the environment configures them.
 */
export const redrive = async (
  options: RedriveOptions,
  now: () => Date = () => new Date(),
): Promise<RedriveResult> =>
  options.origin.kind === 'queue'
    ? redriveQueue(options.origin.queueName, options, now)
    : redriveArchive(await readParameter(deadLetterBucketParameter), options, now);
