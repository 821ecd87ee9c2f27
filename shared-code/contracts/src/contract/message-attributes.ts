/** A value subscribers can filter on with an SNS filter policy. */
export type AttributeValue = string | number | boolean | readonly string[];

export type MessageAttributes = Readonly<Record<string, AttributeValue>>;

/** SQS keeps at most 10 attributes per message, and raw SNS delivery to SQS drops the rest. */
export const maxMessageAttributes = 10;

/** Attribute names the publisher sets on every message, so subscribers can select a contract and its version. */
export const contractAttribute = 'contract';
export const contractVersionAttribute = 'contract-version';
