import { CreateQueueCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { describe, expect, it } from '@jest/globals';
import { publishParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { MissingParameterError } from './errors.ts';
import { provision, type StackProgress } from './provision.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

useCleanBackends();

const parameterValue = async (name: string) =>
  (await awsClient(SSMClient).send(new GetParameterCommand({ Name: name }))).Parameter?.Value;

const queueExists = async (name: string): Promise<boolean> =>
  awsClient(SQSClient)
    .send(new GetQueueUrlCommand({ QueueName: name }))
    .then(
      () => true,
      () => false,
    );

/** A stack of `project` that creates a dead-letter queue whose ARN comes from `producer`'s published queue. */
const consumerOf = (project: string, producer: string) =>
  synthesizeStack(project, (stack) => {
    const dlq = referenceParameter(stack, { project: producer, thing: 'dlq', attribute: 'arn' });
    new SqsQueue(stack, 'work', {
      name: stack.physicalName('work'),
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.value, maxReceiveCount: 2 }),
    });
  });

describe('provisioning across projects through SSM parameters', () => {
  it('applies a stack after the stack that publishes the parameter it reads, even when given first', async () => {
    const consumer = consumerOf('consumer', 'producer');
    const producer = synthesizeStack('producer', (stack) => {
      const dlq = new SqsQueue(stack, 'dlq', { name: stack.physicalName('dlq') });
      publishParameter(stack, 'dlq', 'arn', dlq.arn);
    });
    const progress: StackProgress[] = [];

    const { deployment } = await provision([consumer, producer], {
      onStack: (stack) => progress.push(stack),
    });

    expect(progress.map(({ project, position, total }) => [project, position, total])).toEqual([
      ['producer', 1, 2],
      ['consumer', 2, 2],
    ]);
    expect(progress.map(({ applied, unapplied }) => [applied, unapplied])).toEqual([
      [2, 0],
      [2, 0],
    ]);
    const dlqArn = await parameterValue('/sec-an/test/producer/dlq/arn');
    expect(dlqArn).toBe('arn:aws:sqs:eu-west-2:123456789012:sec-an-test-producer-dlq');
    expect(deployment.queues.find((queue) => queue.queueName === 'sec-an-test-consumer-work')).toMatchObject({
      deadLetterQueueArn: dlqArn,
      maxReceiveCount: 2,
    });
  });

  it('reads a parameter that moto already holds from a project brought up before', async () => {
    await awsClient(SQSClient).send(new CreateQueueCommand({ QueueName: 'earlier-dlq' }));
    await awsClient(SSMClient).send(
      new PutParameterCommand({
        Name: '/sec-an/test/earlier/dlq/arn',
        Value: 'arn:aws:sqs:eu-west-2:123456789012:earlier-dlq',
        Type: 'String',
      }),
    );

    const { resources } = await provision([consumerOf('later', 'earlier')]);

    expect(resources['later/main/aws_sqs_queue.work']?.attributes.redrive_policy).toBe(
      JSON.stringify({
        deadLetterTargetArn: 'arn:aws:sqs:eu-west-2:123456789012:earlier-dlq',
        maxReceiveCount: 2,
      }),
    );
  });

  it('refuses, before applying anything, a stack that reads a parameter nobody publishes', async () => {
    const orphan = consumerOf('orphan', 'absent-project');

    const provisioning = provision([orphan]);

    await expect(provisioning).rejects.toThrow(MissingParameterError);
    await expect(provisioning).rejects.toThrow(
      /^orphan\/main\/data\.aws_ssm_parameter\.reference-absent-project-dlq-arn_parameter_\w+: reads SSM parameter \/sec-an\/test\/absent-project\/dlq\/arn, which nobody publishes; bring up project absent-project first/,
    );
    expect(await queueExists('sec-an-test-orphan-work')).toBe(false);
  });
});
