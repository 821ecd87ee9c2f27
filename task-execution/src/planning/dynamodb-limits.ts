/** Items in one BatchWriteItem call, DynamoDB's limit. */
export const batchWriteSize = 25;
