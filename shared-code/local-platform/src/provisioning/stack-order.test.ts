import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { describe, expect, it } from '@jest/globals';
import type { App } from '@sec-an/constructs/cdktf';
import { publishParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import { DependencyCycleError } from './errors.ts';
import { readStackDocument } from './stack-document.ts';
import { stackOrder } from './stack-order.ts';
import { synthesizeStacks } from './synthesized-stacks.ts';

/** A stack of `project` that publishes `publishes` and reads `reads` (projects whose `queue/url` it needs). */
const define =
  (project: string, reads: readonly string[], publishes = true) =>
  (app: App): void => {
    const stack = new ServiceStack(app, project, { project, stage: 'test' });
    const queue = new SqsQueue(stack, 'queue', { name: `${project}-queue` });
    if (publishes) publishParameter(stack, 'queue', 'url', queue.url);
    for (const other of reads)
      referenceParameter(stack, { project: other, thing: 'queue', attribute: 'url' });
  };

const documentsOf = (...definitions: ((app: App) => void)[]) =>
  Promise.all(
    synthesizeStacks((app) => {
      for (const definition of definitions) definition(app);
    }).map(readStackDocument),
  );

const projectsOf = (documents: readonly { readonly project: string }[]) =>
  documents.map((document) => document.project);

describe('stackOrder', () => {
  it('moves a stack after the stack that publishes a parameter it reads', async () => {
    const documents = await documentsOf(define('consumer', ['producer']), define('producer', []));
    expect(projectsOf(stackOrder(documents))).toEqual(['producer', 'consumer']);
  });

  it('keeps the given order otherwise', async () => {
    const documents = await documentsOf(
      define('second', []),
      define('first', []),
      define('reader', ['first']),
    );
    expect(projectsOf(stackOrder(documents))).toEqual(['second', 'first', 'reader']);
  });

  it('moves a stack after the stack whose outputs it reads through a cross-stack reference', async () => {
    const documents = await documentsOf((app) => {
      const keys = new ServiceStack(app, 'keys', { project: 'shared', stage: 'test' });
      const network = new ServiceStack(app, 'network', { project: 'shared', stage: 'test' });
      const key = new SqsQueue(keys, 'queue', { name: 'key-queue' });
      new SqsQueue(network, 'queue', { name: 'network-queue', kmsMasterKeyId: key.arn });
    });
    const [keys, network] = documents;
    expect(
      stackOrder([network, keys].filter((document) => document !== undefined)).map(
        (document) => document.stack,
      ),
    ).toEqual(['keys', 'network']);
  });

  it('lists the stacks of a cycle', async () => {
    const documents = await documentsOf(
      define('left', ['right']),
      define('right', ['left']),
      define('free', []),
    );
    expect(() => stackOrder(documents)).toThrow(DependencyCycleError);
    expect(() => stackOrder(documents)).toThrow(
      'stacks: dependency cycle left/left -> right/right -> left/left',
    );
  });
});
