import { describe, expect, it } from '@jest/globals';
import { type App, Testing } from '../cdktf/index.ts';
import { ServiceQueue } from '../service-queue/index.ts';
import { ServiceStack } from '../service-stack/index.ts';
import { grantedStatements, onlyResourceOf, synthesize, testStack } from '../testing/index.ts';

describe('DeadLetterRecorder', () => {
  it('is named after its stack, so that two stacks of one project each have their own', () => {
    const app = Testing.app() as App;
    const names = ['ingest', 'reports'].map((id) => {
      const stack = new ServiceStack(app, id, { project: 'analytics', stage: 'test' });
      new ServiceQueue(stack, 'input', { name: `${id}-queue` });
      return onlyResourceOf(synthesize(stack), 'aws_lambda_function').function_name;
    });
    expect(names).toEqual([
      'sec-an-test-analytics-ingest-dead-letter-recorder',
      'sec-an-test-analytics-reports-dead-letter-recorder',
    ]);
  });

  it('writes only under dead-letters/ of the bucket shared-infra publishes, and reads only its name', () => {
    const stack = testStack();
    new ServiceQueue(stack, 'input', { name: 'input' });
    const synthesized = synthesize(stack);
    const statements = grantedStatements(synthesized, 'dead-letter-recorder_function_role');
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['s3:PutObject'],
      Resource: [
        expect.stringMatching(
          /^\$\{data\.aws_ssm_parameter\.reference-shared-infra-dead-letter-bucket-arn_parameter_.*\.value\}\/dead-letters\/\*$/,
        ),
      ],
    });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['ssm:GetParameter'],
      Resource: [
        expect.stringMatching(
          /^arn:\$\{data\.aws_partition\.partition\.partition\}:ssm:eu-west-2:\$\{data\.aws_caller_identity\.caller-identity\.account_id\}:parameter\/sec-an\/test\/shared-infra\/dead-letter-bucket\/name$/,
        ),
      ],
    });
    expect(Object.values(synthesized.data?.aws_ssm_parameter ?? {})).toContainEqual({
      name: '/sec-an/test/shared-infra/dead-letter-bucket/arn',
    });
  });

  it('consumes dead-letter queues only, never a service queue', () => {
    const stack = testStack();
    new ServiceQueue(stack, 'input', { name: 'input' });
    const consumed = grantedStatements(synthesize(stack), 'dead-letter-recorder_function_role')
      .filter((statement) => statement.Action.includes('sqs:ReceiveMessage'))
      .flatMap((statement) => statement.Resource);
    expect(consumed).toEqual([
      expect.stringMatching(/^\$\{aws_sqs_queue\.input_dead-letters_queue_.*\.arn\}$/),
    ]);
  });
});
