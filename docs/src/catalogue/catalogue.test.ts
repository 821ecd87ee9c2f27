import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { catalogueFile, generatedBlocks, renderCatalogue } from './catalogue.ts';
import { replaceGeneratedBlocks } from './generated-blocks.ts';
import { type SynthesizedStack, synthesizeForCatalogue } from './synthesized-stacks.ts';

// One synth of every project (each bundles its functions): about a minute on an idle machine, two when loaded.
const synthTimeoutMs = 600_000;

describe('docs/catalogue.md', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'sec-an-catalogue-test-'));
  let stacks: readonly SynthesizedStack[] = [];

  beforeAll(async () => {
    stacks = await synthesizeForCatalogue(outdir);
  }, synthTimeoutMs);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('is what the generator makes of the contracts and the synthesized stacks (run pnpm -s docs:catalogue)', async () => {
    expect(readFileSync(catalogueFile, 'utf8')).toEqual(await renderCatalogue(stacks));
  });

  it('lists every published parameter, table and subscription of the synthesized stacks', async () => {
    const blocks = await generatedBlocks(stacks);
    for (const stack of stacks) {
      for (const parameter of Object.values(stack.resources.aws_ssm_parameter ?? {})) {
        const local = String(parameter.name).split('/').slice(4).join('/');
        expect(blocks.parameters).toContain(`\`${local}\``);
      }
      for (const table of Object.values(stack.resources.aws_dynamodb_table ?? {})) {
        expect(blocks.tables).toContain(String(table.name).replace('sec-an-catalogue-', '{app}-{stage}-'));
      }
    }
    const subscriptions = stacks.flatMap((stack) =>
      Object.keys(stack.resources.aws_sns_topic_subscription ?? {}),
    );
    const subscriptionTable = blocks.routes?.split('#### EventBridge rules')[0] ?? '';
    expect(subscriptionTable.match(/^\| `/gm)).toHaveLength(subscriptions.length);
  });

  it('refuses a catalogue that lost a generated block marker, naming it', () => {
    expect(() => replaceGeneratedBlocks('# Catalogue\n', { contracts: 'x' })).toThrow(
      /<!-- generated:contracts:start -->/,
    );
  });
});
