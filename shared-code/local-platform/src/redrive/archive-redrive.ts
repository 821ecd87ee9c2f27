import { archivePrefix, keyMayBeInWindow, listKeys, readArchivedObject } from './archive-objects.ts';
import { markRedriven, redrivenKeys } from './redrive-markers.ts';
import { type RedriveResult, RedriveTally, skipReasons } from './redrive-result.ts';
import { type RedriveFilters, redriveCandidate } from './redrive-verdict.ts';
import { sendToSource } from './send-to-source.ts';

/**
 * Sends the archived letters that pass the filters back to their source queues (by archive time), each one
 * marked as redriven once sent, so that the next run skips it unless told `again`.
 */
export const redriveArchive = async (
  bucket: string,
  filters: RedriveFilters,
  now: () => Date,
): Promise<RedriveResult> => {
  const tally = new RedriveTally();
  const redriven = await redrivenKeys(bucket);
  const keys = (await listKeys(bucket, archivePrefix)).filter((key) => keyMayBeInWindow(key, filters.window));
  for (const key of keys) {
    const archived = await readArchivedObject(bucket, key);
    if (archived.kind === 'invalid') {
      tally.addSkipped(skipReasons.notARecord, key);
      continue;
    }
    const { letter } = archived;
    const candidate = {
      id: key,
      sourceQueueArn: letter.sourceQueueArn,
      time: new Date(letter.archivedAt),
      redrivenBefore: redriven.has(key),
    };
    await redriveCandidate(candidate, filters, tally, async (sourceQueueArn) => {
      const messageId = await sendToSource(letter, sourceQueueArn);
      await markRedriven(bucket, key, { at: now().toISOString(), sourceQueueArn, messageId });
      return messageId;
    });
  }
  return tally.result(`the dead-letter archive s3://${bucket}/${archivePrefix}`, filters);
};
