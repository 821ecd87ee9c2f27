import { searchStore } from '@sec-an/runtime/opensearch';
import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import { reportDeadLetter } from '../dead-letter-report/index.ts';

/**
 * Indexes each object the dead-letter recorder archives, from the bucket's "Object Created" events. Only the
 * event can be refused; the store being down defers the event, and what the object holds never fails it.
 */
export const handler = sqsHandler({
  serviceName: 'dead-letter-report',
  recordHandler: async (record, { logger }) => {
    const { id, document, outcome } = await reportDeadLetter(record.body, await searchStore());
    logger.info('dead letter reported', {
      id,
      key: document.object.key,
      outcome,
      ...(document.archiveError === undefined ? {} : { archiveError: document.archiveError }),
    });
  },
});
