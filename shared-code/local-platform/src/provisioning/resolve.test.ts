import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones/index.js';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy/index.js';
import { describe, expect, it } from '@jest/globals';
import { Fn, Token } from '@sec-an/constructs/cdktf';
import { publishParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { AttributeStore } from './attribute-store.ts';
import { UnresolvedReferenceError, UnsupportedExpressionError } from './errors.ts';
import { resolveValue } from './resolve.ts';
import { readStackDocument, type StackDocument } from './stack-document.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

const configOf = (document: StackDocument, address: string) => {
  const block = document.blocks.find((candidate) => candidate.address === address);
  if (block === undefined) throw new Error(`no ${address} in ${JSON.stringify(document.blocks)}`);
  return block.config;
};

const addressOf = (document: StackDocument, prefix: string): string => {
  const block = document.blocks.find((candidate) => candidate.address.startsWith(prefix));
  if (block === undefined) throw new Error(`no ${prefix}*`);
  return block.address;
};

const dlqArn = 'arn:aws:sqs:eu-west-2:123456789012:dead';
const workArn = 'arn:aws:sqs:eu-west-2:123456789012:work';
const workUrl = 'http://localhost/123456789012/work';

const queuesDocument = async () =>
  readStackDocument(
    synthesizeStack('resolving', (stack) => {
      const dlq = new SqsQueue(stack, 'dlq', { name: 'dead' });
      const work = new SqsQueue(stack, 'work', {
        name: 'work',
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }),
      });
      new SqsQueuePolicy(stack, 'policy', {
        queueUrl: work.url,
        policy: JSON.stringify({
          Statement: [
            { Resource: work.arn, Condition: { StringEquals: { 'aws:SourceAccount': stack.accountId } } },
          ],
        }),
      });
      const table = new DynamodbTable(stack, 'table', {
        name: 'hosts',
        hashKey: 'host',
        attribute: [{ name: 'host', type: 'S' }],
        ttl: { attributeName: 'expires', enabled: true },
      });
      publishParameter(stack, 'work', 'url', work.url);
      publishParameter(stack, 'table', 'key', table.attribute.get(0).name);
      publishParameter(stack, 'table', 'ttl', table.ttl.attributeName);
    }),
  );

const storeWith = (blocks: Record<string, Record<string, unknown>>): AttributeStore => {
  const store = new AttributeStore();
  for (const [address, attributes] of Object.entries(blocks)) {
    store.set(address, { attributes, placeholder: false, name: address });
  }
  return store;
};

describe('resolveValue on synthesized stacks', () => {
  it('replaces references embedded in JSON documents, whole values, data sources and nested paths', async () => {
    const document = await queuesDocument();
    const store = storeWith({
      'aws_sqs_queue.dlq': { arn: dlqArn },
      'aws_sqs_queue.work': { arn: workArn, url: workUrl },
      'data.aws_caller_identity.caller-identity': { account_id: '123456789012' },
      'aws_dynamodb_table.table': {
        attribute: [{ name: 'host', type: 'S' }],
        ttl: { attribute_name: 'expires' },
      },
    });
    const resolve = (address: string) =>
      resolveValue(configOf(document, address), store.lookupFor(address), address);

    expect(resolve('aws_sqs_queue.work')).toEqual({
      name: 'work',
      redrive_policy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }),
    });
    expect(resolve('aws_sqs_queue_policy.policy')).toEqual({
      queue_url: workUrl,
      policy: JSON.stringify({
        Statement: [
          { Resource: workArn, Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } },
        ],
      }),
    });
    expect(resolve(addressOf(document, 'aws_ssm_parameter.parameter-work-url'))).toMatchObject({
      value: workUrl,
    });
    expect(resolve(addressOf(document, 'aws_ssm_parameter.parameter-table-key'))).toMatchObject({
      value: 'host',
    });
    expect(resolve(addressOf(document, 'aws_ssm_parameter.parameter-table-ttl'))).toMatchObject({
      value: 'expires',
    });
  });

  it('evaluates the functions cdktf writes for the stacks: join of a list, indexes into a data source list', async () => {
    const document = await readStackDocument(
      synthesizeStack('functions', (stack) => {
        const zones = new DataAwsAvailabilityZones(stack, 'zones', {});
        const first = new SqsQueue(stack, 'first', { name: 'first' });
        const second = new SqsQueue(stack, 'second', { name: 'second' });
        publishParameter(stack, 'queues', 'arns', Fn.join(',', [first.arn, second.arn]));
        publishParameter(stack, 'zone', 'name', Token.asString(Fn.lookupNested(zones.names, [1])));
      }),
    );
    const store = storeWith({
      'aws_sqs_queue.first': { arn: dlqArn },
      'aws_sqs_queue.second': { arn: workArn },
      'data.aws_availability_zones.zones': { names: ['eu-west-2a', 'eu-west-2b'] },
    });
    const resolve = (prefix: string) => {
      const address = addressOf(document, prefix);
      return resolveValue(configOf(document, address), store.lookupFor(address), address);
    };

    expect(resolve('aws_ssm_parameter.parameter-queues-arns')).toMatchObject({
      value: `${dlqArn},${workArn}`,
    });
    expect(resolve('aws_ssm_parameter.parameter-zone-name')).toMatchObject({ value: 'eu-west-2b' });
  });

  it('refuses any other function, naming the expression and the resource', async () => {
    const document = await readStackDocument(
      synthesizeStack('functions', (stack) => {
        const topic = referenceParameter(stack, { project: 'other', thing: 'topic', attribute: 'arn' });
        new SqsQueue(stack, 'upper', { name: Fn.upper(topic.value) });
      }),
    );
    const address = 'functions/main/aws_sqs_queue.upper';
    const resolving = () =>
      resolveValue(
        configOf(document, 'aws_sqs_queue.upper'),
        new AttributeStore().lookupFor(address),
        address,
      );

    expect(resolving).toThrow(UnsupportedExpressionError);
    expect(resolving).toThrow(
      /^functions\/main\/aws_sqs_queue\.upper: unsupported expression \$\{upper\(data\.aws_ssm_parameter\..*\.value\)\} \(function upper is not supported locally/,
    );
  });

  it('names a reference to an attribute that the applied resource does not report', async () => {
    const document = await queuesDocument();
    const store = storeWith({ 'aws_sqs_queue.dlq': { url: 'http://localhost/dead' } });
    const address = 'resolving/main/aws_sqs_queue.work';

    expect(() =>
      resolveValue(configOf(document, 'aws_sqs_queue.work'), store.lookupFor(address), address),
    ).toThrow(
      new UnresolvedReferenceError(
        address,
        'aws_sqs_queue.dlq.arn',
        'aws_sqs_queue.dlq has no attribute arn locally',
      ),
    );
  });

  it('gives placeholder values for what a placeholder lacks', async () => {
    const document = await queuesDocument();
    const store = new AttributeStore();
    store.set('aws_sqs_queue.dlq', { attributes: { arn: dlqArn }, placeholder: false, name: 'dead' });
    store.set('aws_sqs_queue.work', { attributes: { arn: workArn }, placeholder: true, name: 'work' });
    const address = addressOf(document, 'aws_ssm_parameter.parameter-work-url');

    expect(resolveValue(configOf(document, address), store.lookupFor(address), address)).toMatchObject({
      value: 'work-url',
    });
  });
});
