import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import { parserSettingsFromEnvironment, rawObjectOf } from '@sec-an/task-execution/task-runtime';
import { publishRawScan } from '../results-publisher/index.ts';

/**
 * The nmap task's parser: each record is the event of an object created under `raw/` of the task's bucket. A
 * record that can never be parsed (another bucket, not a scan's file, not nmap XML, no metadata) is
 * dead-lettered with the error naming the object and the reason; a failure to publish is retried.
 */
export const handler = sqsHandler({
  serviceName: 'nmap-scanner-results-parser',
  recordHandler: async (record) => {
    const settings = parserSettingsFromEnvironment();
    await publishRawScan(rawObjectOf(record, settings.resultsBucket), settings);
  },
});
