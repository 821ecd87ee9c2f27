import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { readParameter } from '@sec-an/runtime/parameters';
import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import { archiveKey, deadLetterRecordOf } from './dead-letter-record.ts';
import { deadLetterBucketParameter } from './handler-settings.ts';

/** Archives each dead letter of the queues it drains as one object; a failed write leaves it in its queue. */
export const handler = sqsHandler({
  serviceName: 'dead-letter-recorder',
  recordHandler: async (record, { logger }) => {
    const archived = deadLetterRecordOf(record, new Date());
    const bucket = await readParameter(deadLetterBucketParameter);
    const key = archiveKey(archived);
    await awsClient(S3Client).send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(archived),
        ContentType: 'application/json',
      }),
    );
    logger.info('dead letter archived', {
      bucket,
      key,
      reason: archived.reason,
      source: archived.sourceQueueArn,
    });
  },
});
