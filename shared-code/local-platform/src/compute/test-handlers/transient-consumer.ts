/**
 * A consumer built on the standard SQS handler, bundled by the construct library in a test: the record whose
 * body is `bad` fails with a transient error every time, so the handler reports it failed until its last
 * permitted receive, when it dead-letters it itself.
 */
import { TransientError } from '@sec-an/runtime/errors';
import { sqsHandler } from '@sec-an/runtime/sqs-handler';

export const handler = sqsHandler({
  serviceName: 'compute-test',
  recordHandler: async (record) => {
    if (record.body === 'bad') throw new TransientError('the dependency of this record is down');
  },
});
