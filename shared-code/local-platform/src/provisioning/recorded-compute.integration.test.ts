import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target/index.js';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping/index.js';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { describe, expect, it } from '@jest/globals';
import { AssetType, TerraformAsset } from '@sec-an/constructs/cdktf';
import { ServiceRole } from '@sec-an/constructs/iam';
import { publishParameter } from '@sec-an/constructs/parameters';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { provision } from './provision.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

useCleanBackends();

const handlerSource = (): string => {
  const directory = mkdtempSync(join(tmpdir(), 'sec-an-handler-'));
  writeFileSync(join(directory, 'index.mjs'), 'export const handler = async () => ({});\n');
  return directory;
};

/** A function that consumes a queue, is subscribed to a topic, runs on a schedule and reports async failures. */
const functionStack = () =>
  synthesizeStack('compute', (stack) => {
    const role = new ServiceRole(stack, 'role', { name: 'worker', assumedBy: 'lambda.amazonaws.com' });
    const input = new SqsQueue(stack, 'input', { name: stack.physicalName('input') });
    const failures = new SqsQueue(stack, 'failures', { name: stack.physicalName('failures') });
    role.addToPolicy({ actions: ['sqs:ReceiveMessage'], resources: [input.arn] });
    const asset = new TerraformAsset(stack, 'bundle', { path: handlerSource(), type: AssetType.ARCHIVE });
    const worker = new LambdaFunction(stack, 'worker', {
      functionName: stack.physicalName('worker'),
      role: role.roleArn,
      handler: 'index.handler',
      runtime: 'nodejs24.x',
      filename: asset.path,
      sourceCodeHash: asset.assetHash,
      timeout: 20,
      memorySize: 256,
      environment: { variables: { INPUT_QUEUE_URL: input.url } },
    });
    new LambdaEventSourceMapping(stack, 'consume-input', {
      functionName: worker.functionName,
      eventSourceArn: input.arn,
      batchSize: 5,
      maximumBatchingWindowInSeconds: 2,
      functionResponseTypes: ['ReportBatchItemFailures'],
      scalingConfig: { maximumConcurrency: 3 },
    });
    const topic = new SnsTopic(stack, 'events', { name: stack.physicalName('events') });
    new SnsTopicSubscription(stack, 'events-to-worker', {
      topicArn: topic.arn,
      protocol: 'lambda',
      endpoint: worker.arn,
      filterPolicy: JSON.stringify({ kind: ['scan'] }),
      filterPolicyScope: 'MessageBody',
    });
    new LambdaPermission(stack, 'events-invoke-worker', {
      functionName: worker.functionName,
      action: 'lambda:InvokeFunction',
      principal: 'sns.amazonaws.com',
      sourceArn: topic.arn,
    });
    new LambdaFunctionEventInvokeConfig(stack, 'worker-async', {
      functionName: worker.functionName,
      maximumRetryAttempts: 1,
      destinationConfig: { onFailure: { destination: failures.arn } },
    });
    const hourly = new CloudwatchEventRule(stack, 'hourly', {
      name: stack.physicalName('hourly'),
      scheduleExpression: 'rate(1 hour)',
    });
    new CloudwatchEventTarget(stack, 'hourly-worker', {
      rule: hourly.name,
      arn: worker.arn,
      input: JSON.stringify({ kind: 'scheduled' }),
    });
    publishParameter(stack, 'worker-role', 'arn', role.roleArn);
  });

/**
 * Lists what moto's Lambda holds. The repository has no Lambda SDK client (nothing else needs one); moto routes a
 * request by the service named in its authorization header and does not check the signature.
 */
const motoLambda = async (path: string): Promise<unknown> => {
  const response = await fetch(`${testBackends().motoEndpoint}/2015-03-31/${path}/`, {
    headers: {
      authorization:
        'AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-2/lambda/aws4_request, SignedHeaders=host, Signature=0',
    },
  });
  return response.json();
};

describe('provisioning what the compute step runs', () => {
  it('records the function, its queue mapping, topic subscription, schedule and async settings, none in moto', async () => {
    const { deployment, resources } = await provision([functionStack()]);

    const workerArn = 'arn:aws:lambda:eu-west-2:123456789012:function:sec-an-test-compute-worker';
    const inputUrl = String(resources['compute/main/aws_sqs_queue.input']?.attributes.url);
    const topicArn = String(resources['compute/main/aws_sns_topic.events']?.attributes.arn);
    const [worker] = deployment.functions;
    expect(worker).toMatchObject({
      address: 'compute/main/aws_lambda_function.worker',
      project: 'compute',
      functionName: 'sec-an-test-compute-worker',
      functionArn: workerArn,
      handler: 'index.handler',
      runtime: 'nodejs24.x',
      environment: { INPUT_QUEUE_URL: inputUrl },
      timeoutSeconds: 20,
      memorySizeMb: 256,
    });
    expect(existsSync(worker?.archivePath ?? '')).toBe(true);
    expect(deployment.eventSourceMappings).toEqual([
      {
        address: 'compute/main/aws_lambda_event_source_mapping.consume-input',
        functionName: 'sec-an-test-compute-worker',
        queueArn: 'arn:aws:sqs:eu-west-2:123456789012:sec-an-test-compute-input',
        queueUrl: inputUrl,
        batchSize: 5,
        maximumBatchingWindowSeconds: 2,
        reportBatchItemFailures: true,
        maximumConcurrency: 3,
        enabled: true,
      },
    ]);
    expect(deployment.topicSubscriptions).toEqual([
      {
        address: 'compute/main/aws_sns_topic_subscription.events-to-worker',
        functionName: 'sec-an-test-compute-worker',
        topicArn,
        filterPolicy: JSON.stringify({ kind: ['scan'] }),
        filterPolicyScope: 'MessageBody',
      },
    ]);
    expect(deployment.asyncInvokeConfigs).toEqual([
      {
        address: 'compute/main/aws_lambda_function_event_invoke_config.worker-async',
        functionName: 'sec-an-test-compute-worker',
        maximumRetryAttempts: 1,
        maximumEventAgeSeconds: 21_600,
        onFailureDestinationArn: 'arn:aws:sqs:eu-west-2:123456789012:sec-an-test-compute-failures',
      },
    ]);
    expect(deployment.schedules).toEqual([
      {
        address: 'compute/main/aws_cloudwatch_event_target.hourly-worker',
        ruleName: 'sec-an-test-compute-hourly',
        scheduleExpression: 'rate(1 hour)',
        functionName: 'sec-an-test-compute-worker',
        input: JSON.stringify({ kind: 'scheduled' }),
      },
    ]);
    expect(await motoLambda('functions')).toEqual({ Functions: [] });
    expect(await motoLambda('event-source-mappings')).toEqual({ EventSourceMappings: [] });
    const subscriptions = await awsClient(SNSClient).send(
      new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }),
    );
    expect(subscriptions.Subscriptions).toEqual([]);
  });

  it('lists IAM and lambda permissions as not applied, and their placeholder ARN reaches what refers to it', async () => {
    const { deployment } = await provision([functionStack()]);

    expect(deployment.unapplied).toEqual([
      {
        address: expect.stringMatching(/^compute\/main\/aws_iam_role\./),
        type: 'aws_iam_role',
        reason: 'resource type not emulated locally',
      },
      {
        address: expect.stringMatching(/^compute\/main\/aws_iam_role_policy\./),
        type: 'aws_iam_role_policy',
        reason: 'resource type not emulated locally',
      },
      {
        address: 'compute/main/aws_lambda_permission.events-invoke-worker',
        type: 'aws_lambda_permission',
        reason: 'resource type not emulated locally',
      },
    ]);
    const roleArn = await awsClient(SSMClient).send(
      new GetParameterCommand({ Name: '/sec-an/test/compute/worker-role/arn' }),
    );
    expect(roleArn.Parameter?.Value).toBe('arn:aws:iam::123456789012:role/sec-an-test-compute-worker');
    expect(deployment.functions[0]?.functionArn).toBe(
      'arn:aws:lambda:eu-west-2:123456789012:function:sec-an-test-compute-worker',
    );
  });
});
