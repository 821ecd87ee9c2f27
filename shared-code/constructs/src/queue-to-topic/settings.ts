/** The glue's one setting: the topic it forwards to, in the same stack as the glue. */
export const topicArnVariable = 'SEC_AN_TOPIC_ARN';
