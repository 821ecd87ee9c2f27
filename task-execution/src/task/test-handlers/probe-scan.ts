import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { readMessage } from '@sec-an/runtime/sns';
import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import { rawResultKey, taskVariables, writeRawResult } from '../../task-runtime/index.ts';

/** A scanner's scan function for the tests: it writes the request it got as its raw output. */
export const handler = sqsHandler({
  serviceName: 'probe-scan',
  recordHandler: async (record) => {
    const { message } = await readMessage(scanRequestV1, record);
    const startedAt = new Date();
    await writeRawResult({
      bucket: process.env[taskVariables.resultsBucket] ?? '',
      key: rawResultKey(message.requestId, startedAt, 'probe.json'),
      body: JSON.stringify({ request: message, staged: false }),
      contentType: 'application/json',
      metadata: {
        requestId: message.requestId,
        startedAt: startedAt.toISOString(),
        endedAt: new Date().toISOString(),
      },
    });
  },
});
