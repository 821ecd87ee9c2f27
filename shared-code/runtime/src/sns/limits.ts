/** SNS and SQS both refuse a message (body plus attributes) above 256 KiB, and PublishBatch the same in total. */
export const maxPayloadBytes = 262_144;

/** PublishBatch takes at most 10 entries. */
export const maxBatchEntries = 10;
