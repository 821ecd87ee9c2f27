import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { describe, expect, it } from '@jest/globals';
import { publishParameter } from '@sec-an/constructs/parameters';
import { deployOrder } from './deploy-order.ts';
import { DependencyCycleError } from './errors.ts';
import { readStackDocument } from './stack-document.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

const positions = (addresses: readonly string[]) => (address: string) => {
  const position = addresses.findIndex((candidate) => candidate.startsWith(address));
  if (position < 0) throw new Error(`${address} is not in ${addresses.join(', ')}`);
  return position;
};

describe('deployOrder', () => {
  it('puts every block after what it refers to and what it depends on', async () => {
    const document = await readStackDocument(
      synthesizeStack('ordering', (stack) => {
        // Declared before what it needs, so the stack's own order would be wrong.
        const topic = new SnsTopic(stack, 'a-topic', { name: 'results' });
        const queue = new SqsQueue(stack, 'z-queue', { name: 'work' });
        new SnsTopicSubscription(stack, 'b-subscription', {
          topicArn: topic.arn,
          protocol: 'sqs',
          endpoint: queue.arn,
        });
        const marker = new SqsQueue(stack, 'a-marker', { name: 'marker' });
        marker.addOverride('depends_on', ['aws_sqs_queue.z-queue']);
        publishParameter(stack, 'work', 'url', queue.url);
      }),
    );

    const position = positions(deployOrder(document).map((block) => block.address));

    expect(position('aws_sns_topic_subscription.b-subscription')).toBeGreaterThan(
      position('aws_sqs_queue.z-queue'),
    );
    expect(position('aws_sns_topic_subscription.b-subscription')).toBeGreaterThan(
      position('aws_sns_topic.a-topic'),
    );
    expect(position('aws_sqs_queue.a-marker')).toBeGreaterThan(position('aws_sqs_queue.z-queue'));
    expect(position('aws_ssm_parameter.parameter-work-url')).toBeGreaterThan(
      position('aws_sqs_queue.z-queue'),
    );
  });

  it('keeps the stack order among blocks that are free to go, the same on every run', async () => {
    const synthesized = synthesizeStack('stable', (stack) => {
      for (const name of ['c', 'a', 'b']) new SqsQueue(stack, name, { name });
    });
    const first = deployOrder(await readStackDocument(synthesized)).map((block) => block.address);
    const second = deployOrder(await readStackDocument(synthesized)).map((block) => block.address);
    expect(first).toEqual(['aws_sqs_queue.a', 'aws_sqs_queue.b', 'aws_sqs_queue.c']);
    expect(second).toEqual(first);
  });

  it('lists the resources of a cycle', async () => {
    const document = await readStackDocument(
      synthesizeStack('cyclic', (stack) => {
        const first = new SqsQueue(stack, 'first', { name: 'first' });
        const second = new SqsQueue(stack, 'second', {
          name: 'second',
          redrivePolicy: JSON.stringify({ deadLetterTargetArn: first.arn, maxReceiveCount: 1 }),
        });
        first.redrivePolicy = JSON.stringify({ deadLetterTargetArn: second.arn, maxReceiveCount: 1 });
        new SqsQueue(stack, 'bystander', { name: 'bystander', delaySeconds: 1 }).addOverride('depends_on', [
          'aws_sqs_queue.first',
        ]);
      }),
    );

    expect(() => deployOrder(document)).toThrow(DependencyCycleError);
    expect(() => deployOrder(document)).toThrow(
      'cyclic/main: dependency cycle aws_sqs_queue.first -> aws_sqs_queue.second -> aws_sqs_queue.first',
    );
  });
});
