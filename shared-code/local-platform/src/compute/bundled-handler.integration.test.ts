import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleHandler } from '@sec-an/constructs/node-function';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { deadLetterAttributes } from '@sec-an/runtime/sqs-handler';
import { useCleanBackends } from '@sec-an/testing/backends';
import { zipSync } from 'fflate';
import { type ComputeHandle, startCompute } from './compute.ts';
import { logFileOf } from './function-runtime.ts';
import {
  deploymentOf,
  eventually,
  type TestWorkspace,
  testEnvironment,
  testFunction,
  testWorkspace,
} from './test-functions.ts';

const sqs = () => awsClient(SQSClient);

const arnOf = async (queueUrl: string): Promise<string> => {
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  return Attributes?.QueueArn ?? '';
};

const sourceMapLink = '//# sourceMappingURL=index.mjs.map';

/**
 * The deployment package of a handler bundled as the construct library bundles every function. The source map
 * is linked from the module, as esbuild links it with `sourcemap: 'linked'`: with `external`, which the library
 * uses, Node finds no map, on AWS as here.
 */
const bundledPackage = async (
  workspace: TestWorkspace,
): Promise<{ archivePath: string; handler: string }> => {
  const entry = fileURLToPath(new URL('./test-handlers/transient-consumer.ts', import.meta.url));
  const bundle = bundleHandler(entry, join(workspace.dir, 'bundle'));
  const files = Object.fromEntries(
    readdirSync(bundle.directory).map((name) => [name, readFileSync(join(bundle.directory, name))]),
  );
  const module = files['index.mjs'];
  if (module !== undefined && !module.toString().trimEnd().endsWith(sourceMapLink)) {
    files['index.mjs'] = Buffer.concat([module, Buffer.from(`\n${sourceMapLink}\n`)]);
  }
  const archivePath = join(workspace.dir, 'consumer.zip');
  await writeFile(archivePath, zipSync(files));
  return { archivePath, handler: bundle.handler };
};

describe('a function bundled by the construct library, fed by an SQS mapping', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let compute: ComputeHandle;
  let queueUrl: string;
  let dlqUrl: string;

  beforeAll(async () => {
    workspace = await testWorkspace();
    ({ QueueUrl: dlqUrl = '' } = await sqs().send(new CreateQueueCommand({ QueueName: 'consumer-dlq' })));
    ({ QueueUrl: queueUrl = '' } = await sqs().send(
      new CreateQueueCommand({
        QueueName: 'consumer-input',
        Attributes: {
          VisibilityTimeout: '1',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arnOf(dlqUrl), maxReceiveCount: 2 }),
        },
      }),
    ));
    const { archivePath, handler } = await bundledPackage(workspace);
    compute = await startCompute(
      deploymentOf({
        functions: [testFunction('consumer', archivePath, { handler, timeoutSeconds: 10 })],
        eventSourceMappings: [
          {
            address: 'compute-test/stack/aws_lambda_event_source_mapping.consumer',
            functionName: 'consumer',
            queueArn: await arnOf(queueUrl),
            queueUrl,
            batchSize: 10,
            maximumBatchingWindowSeconds: 0,
            reportBatchItemFailures: true,
            enabled: true,
          },
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment() },
    );
  }, 30_000);

  afterAll(async () => {
    await compute.stop();
    await workspace.remove();
  });

  it('settles the batch it reports, and dead-letters the failing record with its error', async () => {
    await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'good' }));
    await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'bad' }));

    const dead = await eventually('the dead letter', async () => {
      const { Messages = [] } = await sqs().send(
        new ReceiveMessageCommand({ QueueUrl: dlqUrl, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }),
      );
      return Messages[0];
    });
    expect(dead.Body).toBe('bad');
    expect(dead.MessageAttributes?.[deadLetterAttributes.errorMessage]?.StringValue).toBe(
      'the dependency of this record is down',
    );
    expect(dead.MessageAttributes?.[deadLetterAttributes.receiveCount]?.StringValue).toBe('2');

    // The handler dead-letters the record, then reports it handled; the mapping deletes it after that.
    await eventually('the input queue empty', async () => {
      const { Attributes = {} } = await sqs().send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      const left =
        Number(Attributes.ApproximateNumberOfMessages) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible);
      return left === 0 ? true : undefined;
    });
    // The first receive of `bad` failed: as one record of a batch, or, alone in its batch, as the whole
    // invocation (the handler throws when every record failed).
    const { errors = 0, failedRecords = 0 } = compute.status().consumer ?? {};
    expect(errors + failedRecords).toBe(1);
    // Powertools writes its structured log to stdout, which lands in the function's log; with source maps on,
    // the stacks in it name the handler's source.
    const log = readFileSync(logFileOf(workspace.stateDir, 'consumer'), 'utf8');
    expect(log).toContain('"service":"compute-test"');
    expect(log).toMatch(/"stack":"[^"]*test-handlers\/transient-consumer\.ts:\d+/);
  });
});
