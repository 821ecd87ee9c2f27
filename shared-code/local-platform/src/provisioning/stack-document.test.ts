import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { describe, expect, it } from '@jest/globals';
import { referenceParameter } from '@sec-an/constructs/parameters';
import { readStackDocument } from './stack-document.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

describe('readStackDocument', () => {
  it('reads resources and data sources with their addresses, arguments and depends_on', async () => {
    const synthesized = synthesizeStack('reader', (stack) => {
      const dlq = new SqsQueue(stack, 'dlq', { name: 'dead' });
      new SqsQueue(stack, 'work', { name: 'work', delaySeconds: 5, dependsOn: [dlq] });
      referenceParameter(stack, { project: 'other', thing: 'topic', attribute: 'arn' });
    });

    const document = await readStackDocument(synthesized);

    expect(document.blocks.map((block) => [block.mode, block.address])).toEqual([
      ['resource', 'aws_sqs_queue.dlq'],
      ['resource', 'aws_sqs_queue.work'],
      ['data', expect.stringMatching(/^data\.aws_ssm_parameter\.reference-other-topic-arn_parameter_/)],
    ]);
    const work = document.blocks[1];
    expect(work?.config).toEqual({ name: 'work', delay_seconds: 5 });
    expect(work?.dependsOn).toEqual(['aws_sqs_queue.dlq']);
    expect(document.blocks[2]?.config).toEqual({ name: '/sec-an/test/other/topic/arn' });
  });

  it("reads the provider's default tags", async () => {
    const document = await readStackDocument(synthesizeStack('tagged', () => {}));
    expect(document.defaultTags).toEqual({ app: 'sec-an', stage: 'test', project: 'tagged' });
  });

  it('names the stack when there is nothing synthesized to read', async () => {
    await expect(
      readStackDocument({ project: 'absent', stack: 'main', directory: '/nonexistent-stack-folder' }),
    ).rejects.toThrow('absent/main/cdk.tf.json: cannot be read');
  });
});
