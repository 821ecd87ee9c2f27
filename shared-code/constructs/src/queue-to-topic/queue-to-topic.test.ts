import { describe, expect, it } from '@jest/globals';
import { ServiceQueue } from '../service-queue/index.ts';
import { ServiceTopic } from '../service-topic/index.ts';
import { grantedStatements, resourceAt, synthesize, testStack } from '../testing/index.ts';
import { QueueToTopic } from './queue-to-topic.ts';

describe('QueueToTopic', () => {
  it('drains its queue into its topic and may publish to that topic only', () => {
    const stack = testStack();
    const delay = new ServiceQueue(stack, 'delay', { name: 'delay-queue' });
    const topic = new ServiceTopic(stack, 'requests', { name: 'request-topic' });
    new QueueToTopic(stack, 'glue', { source: delay, topic });
    const synthesized = synthesize(stack);
    expect(resourceAt(synthesized, 'aws_lambda_function', 'glue_function')).toMatchObject({
      function_name: 'sec-an-test-test-project-delay-queue-to-request-topic',
      environment: {
        variables: {
          SEC_AN_TOPIC_ARN: expect.stringMatching(/^\$\{aws_sns_topic\.requests_topic_.*\.arn\}$/),
        },
      },
    });
    expect(resourceAt(synthesized, 'aws_lambda_event_source_mapping', 'glue_function_consume')).toMatchObject(
      {
        event_source_arn: expect.stringMatching(/^\$\{aws_sqs_queue\.delay_main_queue_.*\.arn\}$/),
        function_response_types: ['ReportBatchItemFailures'],
      },
    );
    const publishing = grantedStatements(synthesized, 'glue_function_role').filter((statement) =>
      statement.Action.includes('sns:Publish'),
    );
    expect(publishing.flatMap((statement) => statement.Resource)).toEqual([
      expect.stringMatching(/^\$\{aws_sns_topic\.requests_topic_.*\.arn\}$/),
    ]);
  });
});
