import { type ScanResult, scanResultV1 } from '@sec-an/contracts/scan-result';
import { searchStore } from '@sec-an/runtime/opensearch';
import { readMessage } from '@sec-an/runtime/sns';
import { type BatchHandler, sqsHandler } from '@sec-an/runtime/sqs-handler';
import type { SQSRecord } from 'aws-lambda';
import { DocumentRefusedError, ingestResults, refusedPart } from '../ingest/index.ts';

/** The versions this ingest reads; a message of any other is refused naming the one it declares. */
const acceptedResults = [scanResultV1] as const;

const readResult = async (record: SQSRecord): Promise<ScanResult> =>
  (await readMessage(acceptedResults, record)).message;

/**
 * Ingests a batch of scan results in one pass (few `_bulk` requests for the whole batch). A message that is not
 * a valid result fails alone; a document the store refuses is dead-lettered alone, with the store's reason.
 */
const ingestBatch: BatchHandler = async (records, { deadLetterPart, logger }) => {
  const failures = new Map<string, unknown>();
  const parsed: { record: SQSRecord; result: ScanResult }[] = [];
  await Promise.all(
    records.map(async (record) => {
      try {
        parsed.push({ record, result: await readResult(record) });
      } catch (error) {
        failures.set(record.messageId, error);
      }
    }),
  );
  const outcomes = await ingestResults(
    await searchStore(),
    parsed.map(({ result }) => result),
  );
  await Promise.all(
    outcomes.map(async (outcome, position) => {
      const { record, result } = parsed[position] as (typeof parsed)[number];
      if (outcome.error !== undefined) {
        failures.set(record.messageId, outcome.error);
        return;
      }
      if (outcome.late)
        logger.info("result older than its subject's latest: written to history only", {
          scanId: result.scanId,
        });
      try {
        for (const refused of outcome.refused) {
          const part = JSON.stringify(refusedPart(result, refused));
          await deadLetterPart(record, part, new DocumentRefusedError(refused.reason));
        }
      } catch (error) {
        failures.set(record.messageId, error);
      }
    }),
  );
  return failures;
};

export const handler = sqsHandler({ serviceName: 'analytics-ingest', batchHandler: ingestBatch });
