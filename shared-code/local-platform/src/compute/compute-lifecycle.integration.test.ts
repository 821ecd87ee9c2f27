import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { startCompute } from './compute.ts';
import { ComputeError, ComputeStoppedError } from './compute-error.ts';
import { ManualClock } from './manual-clock.ts';
import type { ScheduledEvent } from './scheduled-event.ts';
import {
  deploymentOf,
  eventually,
  receivedEvents,
  recordingHandler,
  testEnvironment,
  testFunction,
  testWorkspace,
  writeFunctionPackage,
} from './test-functions.ts';

/** Records its events, and keeps writing a heartbeat for as long as its thread lives. */
const heartbeatHandler = `
${recordingHandler('return null;')}
setInterval(() => appendFileSync(process.env.HEARTBEAT_FILE, '.'), 20);
`;

const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

describe('the lifecycle of the compute step', () => {
  useCleanBackends();

  it('fires schedules by its clock, and stop() leaves no thread or timer behind', async () => {
    const workspace = await testWorkspace();
    const receivedFile = join(workspace.dir, 'received.jsonl');
    const heartbeatFile = join(workspace.dir, 'heartbeat');
    const clock = new ManualClock(Date.parse('2025-01-01T00:00:00Z'));
    const compute = await startCompute(
      deploymentOf({
        functions: [
          testFunction('ticker', await writeFunctionPackage(workspace, 'ticker', heartbeatHandler), {
            environment: { RECEIVED_FILE: receivedFile, HEARTBEAT_FILE: heartbeatFile },
          }),
        ],
        schedules: [
          {
            address: 'compute-test/stack/aws_cloudwatch_event_rule.tick',
            ruleName: 'tick',
            scheduleExpression: 'rate(5 minutes)',
            functionName: 'ticker',
          },
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment(), clock },
    );
    try {
      clock.advanceTo('2025-01-01T00:04:59Z');
      expect(compute.status().ticker?.pendingEvents).toBe(0);
      clock.advanceTo('2025-01-01T00:05:00Z');
      const [event] = await eventually('the scheduled event', () => {
        const events = receivedEvents<ScheduledEvent>(receivedFile);
        return events.length > 0 ? events : undefined;
      });
      expect(event).toMatchObject({
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        time: '2025-01-01T00:05:00Z',
        resources: [expect.stringMatching(/:rule\/tick$/)],
      });
      expect(compute.status().ticker?.workers).toBe(1);
      await eventually('a heartbeat', () => (sizeOf(heartbeatFile) > 0 ? true : undefined));
    } finally {
      await compute.stop();
    }

    expect(compute.status().ticker?.workers).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    const beatsAtStop = sizeOf(heartbeatFile);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sizeOf(heartbeatFile)).toBe(beatsAtStop);
    await expect(compute.invoke('ticker', {})).rejects.toThrow(ComputeStoppedError);
    expect(() => compute.invokeAsync('ticker', {})).toThrow(ComputeStoppedError);
    await workspace.remove();
  }, 30_000);

  it('stops an invocation in progress without counting it failed', async () => {
    const workspace = await testWorkspace();
    const receivedFile = join(workspace.dir, 'received.jsonl');
    const compute = await startCompute(
      deploymentOf({
        functions: [
          testFunction(
            'slow',
            await writeFunctionPackage(workspace, 'slow', recordingHandler('await new Promise(() => {});')),
            { timeoutSeconds: 60, environment: { RECEIVED_FILE: receivedFile } },
          ),
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment() },
    );
    const running = compute.invoke('slow', {});
    await eventually('the invocation running', () =>
      receivedEvents(receivedFile).length > 0 ? true : undefined,
    );
    const started = Date.now();
    await compute.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(running).rejects.toThrow(ComputeStoppedError);
    expect(compute.status().slow).toMatchObject({ workers: 0, errors: 0 });
    await workspace.remove();
  });

  it('refuses a deployment whose trigger names a function that is not deployed, naming the trigger', async () => {
    const workspace = await testWorkspace();
    const start = startCompute(
      deploymentOf({
        schedules: [
          {
            address: 'compute-test/stack/aws_cloudwatch_event_rule.orphan',
            ruleName: 'orphan',
            scheduleExpression: 'rate(1 hour)',
            functionName: 'nowhere',
          },
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment() },
    );
    await expect(start).rejects.toThrow(ComputeError);
    await expect(start).rejects.toThrow(
      'compute-test/stack/aws_cloudwatch_event_rule.orphan names the function nowhere, which is not deployed',
    );
    await workspace.remove();
  });

  it('names the subscription whose topic does not exist, and stops what had started', async () => {
    const workspace = await testWorkspace();
    const sqs = awsClient(SQSClient);
    const { QueueUrl: queueUrl = '' } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'started-first' }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
    );
    const start = startCompute(
      deploymentOf({
        functions: [
          testFunction('listener', await writeFunctionPackage(workspace, 'listener', recordingHandler(''))),
        ],
        // Started before the subscription fails: its pollers must be stopped again.
        eventSourceMappings: [
          {
            address: 'compute-test/stack/aws_lambda_event_source_mapping.listener',
            functionName: 'listener',
            queueArn: Attributes?.QueueArn ?? '',
            queueUrl,
            batchSize: 10,
            maximumBatchingWindowSeconds: 0,
            reportBatchItemFailures: true,
            enabled: true,
          },
        ],
        topicSubscriptions: [
          {
            address: 'compute-test/stack/aws_sns_topic_subscription.missing',
            functionName: 'listener',
            topicArn: `arn:aws:sns:${testEnvironment().AWS_REGION}:123456789012:no-such-topic`,
          },
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment() },
    );
    await expect(start).rejects.toThrow(
      'could not start compute-test/stack/aws_sns_topic_subscription.missing',
    );

    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'nobody polls' }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { Attributes: depth = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(depth.ApproximateNumberOfMessages).toBe('1');
    await workspace.remove();
  });
});
