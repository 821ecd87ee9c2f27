import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import { parserSettingsFromEnvironment, rawObjectOf } from '@sec-an/task-execution/task-runtime';
import { certificatesTableFromEnvironment, publishTlsObservations } from '../results-parser/index.ts';
import { readTrustAnchors } from '../trust-anchors/index.ts';

/**
 * The TLS task's parser: each record is the event of an object created under `raw/` of the task's bucket. A
 * record that can never be parsed (another bucket, not a tls-observations object, not tls-observations v1) is
 * dead-lettered with the error naming the object and the reason; a failure to record or publish is retried.
 * Chains are judged against Mozilla's store plus the organisation's trust anchors, read at call time.
 */
export const handler = sqsHandler({
  serviceName: 'ssl-scanner-results-parser',
  recordHandler: async (record, { logger }) => {
    const settings = parserSettingsFromEnvironment();
    const published = await publishTlsObservations(rawObjectOf(record, settings.resultsBucket), {
      ...settings,
      certificatesTable: certificatesTableFromEnvironment(),
      roots: await readTrustAnchors(),
    });
    logger.info('published the results of a raw object', { ...published });
  },
});
