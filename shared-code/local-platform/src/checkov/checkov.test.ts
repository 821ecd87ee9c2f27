import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFixtureProject } from '../synth/fixture-project.ts';
import { type StackArtifact, stackFile, synthesizeProject } from '../synth/index.ts';
import type { CheckovResult } from './checkov-report.ts';
import { installCheckov } from './install.ts';
import { runCheckov } from './run-checkov.ts';
import { passes, reportLines, summaryLine } from './verdict.ts';

// One stack with an unencrypted queue, one that meets every check it gets except the skipped one.
const fixtureApp = `
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { App } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { deploymentSettingsFrom, ServiceStack } from '@sec-an/constructs/service-stack';

const app = new App();
const settings = deploymentSettingsFrom();
const careless = new ServiceStack(app, 'careless', { project: 'fixture', ...settings });
new SqsQueue(careless, 'plain', { name: 'plain' });
const careful = new ServiceStack(app, 'careful', { project: 'fixture', ...settings });
const queue = new SqsQueue(careful, 'encrypted', { name: 'encrypted', sqsManagedSseEnabled: true });
publishParameter(careful, 'encrypted', 'url', queue.url);
app.synth();
`;

// The published parameter is a plain String, which CKV2_AWS_34 flags.
const fixtureConfig = `skip-check:
  # published parameters hold names and URLs, never secrets
  - CKV2_AWS_34
`;

let workDir: string;
let stacks: readonly StackArtifact[];
let unreadable: StackArtifact;
let result: CheckovResult;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'sec-an-checkov-'));
  await installCheckov();
  const project = writeFixtureProject(workDir, 'fixture', fixtureApp);
  stacks = await synthesizeProject(project, {
    outdir: join(workDir, 'out'),
    environment: { SEC_AN_STAGE: 'ci' },
  });
  unreadable = { project: 'fixture', stack: 'unreadable', directory: join(workDir, 'unreadable') };
  mkdirSync(unreadable.directory);
  writeFileSync(stackFile(unreadable), '{"resource": {');
  writeFileSync(join(workDir, 'checkov.yaml'), fixtureConfig);
  result = await runCheckov([...stacks, unreadable], {
    configFile: join(workDir, 'checkov.yaml'),
    reportDir: join(workDir, 'report'),
  });
}, 600_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

const checksOf = (name: string) => result.stacks.find((checks) => checks.stack.stack === name);

describe('runCheckov', () => {
  it('reports a failed check with its stack and its resource by Terraform address', () => {
    expect(checksOf('careless')?.failed).toEqual([
      {
        checkId: 'CKV_AWS_27',
        checkName: 'Ensure all data stored in the SQS queue is encrypted',
        resource: 'aws_sqs_queue.plain',
      },
    ]);
  });

  it('leaves out the checks the config skips and counts what passed', () => {
    const careful = checksOf('careful');
    expect(careful?.failed).toEqual([]);
    expect(careful?.passed).toBeGreaterThan(0);
  });

  it('names a stack file it could not parse, and that stack counts as not checked', () => {
    expect(result.parsingErrors).toEqual([stackFile(unreadable)]);
    expect(reportLines(result)).toContain('  fixture/unreadable: not checked');
  });

  it('fails the run and says so in one line that is not a test runner summary', () => {
    expect(passes(result)).toBe(false);
    expect(summaryLine(result)).toMatch(/^checkov: 1 failed checks, \d+ passed, 0 skipped, over 2 stacks$/);
    expect(summaryLine(result)).not.toMatch(/\d+ passed, \d+ failed/);
  });
});

describe('passes', () => {
  it('passes stacks without failed checks', () => {
    const careful = checksOf('careful');
    if (careful === undefined) throw new Error('careful was not checked');
    expect(passes({ stacks: [careful], parsingErrors: [] })).toBe(true);
  });

  it('fails when no stack was checked', () => {
    expect(passes({ stacks: [], parsingErrors: [] })).toBe(false);
    expect(reportLines({ stacks: [], parsingErrors: [] })).toEqual(['  no stack to check']);
  });
});
