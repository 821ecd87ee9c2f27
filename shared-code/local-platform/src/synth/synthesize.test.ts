import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFixtureProject } from './fixture-project.ts';
import { stackFile } from './manifest.ts';
import type { Project } from './projects.ts';
import { SynthError } from './synth-error.ts';
import { type SynthProgress, synthesizeAll } from './synthesize-all.ts';
import { synthesizeProject } from './synthesize-project.ts';

// Two stacks whose alphabetical order (the manifest's) is the reverse of their dependency order.
const twoStackApp = `
import { App } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { deploymentSettingsFrom, ServiceStack } from '@sec-an/constructs/service-stack';

const app = new App();
const settings = deploymentSettingsFrom();
const base = new ServiceStack(app, 'zeta-base', { project: 'fixture', ...settings });
const greeting = publishParameter(base, 'greeting', 'text', 'hello');
const consumer = new ServiceStack(app, 'alpha-consumer', { project: 'fixture', ...settings });
publishParameter(consumer, 'greeting-copy', 'arn', greeting.parameter.arn);
app.synth();
`;

/** Waits, before synthesizing, until both apps of the pair have started: it finishes only beside the other. */
const pairedApp = (names: readonly [string, string]) => `
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const gate = process.env.SYNTH_TEST_GATE ?? '';
writeFileSync(join(gate, process.cwd().split('/').at(-1) ?? ''), '');
const deadline = Date.now() + 20_000;
while (!${JSON.stringify(names)}.every((name) => existsSync(join(gate, name)))) {
  if (Date.now() > deadline) throw new Error('the other app of the pair never started');
  await new Promise((resolve) => setTimeout(resolve, 50));
}
${twoStackApp}`;

const failingApp = `throw new Error('the fixture refuses to synthesize');\n`;
const hangingApp = `setInterval(() => {}, 1000);\n`;

let workDir: string;

const fixtureProject = (name: string, main?: string): Project => writeFixtureProject(workDir, name, main);

const environment = { SEC_AN_STAGE: 'synth-test' };

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'sec-an-synth-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('synthesizeProject', () => {
  it('returns the stacks after the stacks they depend on, each folder holding its cdk.tf.json', async () => {
    const project = fixtureProject('fixture', twoStackApp);
    const outdir = join(workDir, 'out-fixture');
    const stacks = await synthesizeProject(project, { outdir, environment });
    expect(stacks).toEqual([
      { project: 'fixture', stack: 'zeta-base', directory: resolve(outdir, 'stacks', 'zeta-base') },
      { project: 'fixture', stack: 'alpha-consumer', directory: resolve(outdir, 'stacks', 'alpha-consumer') },
    ]);
    const [base] = stacks;
    if (base === undefined) throw new Error('no stack');
    const synthesized = JSON.parse(readFileSync(stackFile(base), 'utf8')) as {
      resource: { aws_ssm_parameter: Record<string, { name: string }> };
    };
    expect(Object.values(synthesized.resource.aws_ssm_parameter).map((parameter) => parameter.name)).toEqual([
      '/sec-an/synth-test/fixture/greeting/text',
    ]);
  }, 60_000);

  it('names the project and quotes the error when the app fails', async () => {
    const project = fixtureProject('broken', failingApp);
    const synth = synthesizeProject(project, { outdir: join(workDir, 'out-broken'), environment });
    await expect(synth).rejects.toThrow(SynthError);
    await expect(synth).rejects.toThrow(
      /synth of broken failed: its app exited with code 1[\s\S]*the fixture refuses/,
    );
  }, 60_000);

  it('stops an app that does not finish in time', async () => {
    const project = fixtureProject('hanging', hangingApp);
    const synth = synthesizeProject(project, {
      outdir: join(workDir, 'out-hanging'),
      environment,
      timeoutMs: 1500,
    });
    await expect(synth).rejects.toThrow('synth of hanging failed: `');
    await expect(synth).rejects.toThrow('did not finish within 1.5 s');
  }, 60_000);

  it('refuses an app command that needs a shell', async () => {
    const project = fixtureProject('shelly', failingApp);
    writeFileSync(
      join(project.directory, 'cdktf.json'),
      JSON.stringify({ app: 'node main.ts && echo done' }),
    );
    await expect(
      synthesizeProject(project, { outdir: join(workDir, 'out-shelly'), environment }),
    ).rejects.toThrow('synth of shelly failed: the "app" command "node main.ts && echo done" needs a shell');
  });
});

describe('synthesizeAll', () => {
  it('skips a project without cdktf.json, synthesizes the others into their folders and times each', async () => {
    const progress: SynthProgress['kind'][] = [];
    const empty = fixtureProject('not-yet');
    const extra = fixtureProject('extra', twoStackApp);
    const outdir = join(workDir, 'out-all');
    const report = await synthesizeAll({
      projects: [empty],
      extraProjectDirectories: [extra.directory],
      outdir,
      environment,
      onProgress: (event) => progress.push(event.kind),
    });
    expect(report.skipped).toEqual(['not-yet']);
    expect(report.projects.map((project) => project.project)).toEqual(['extra']);
    expect(report.projects[0]?.tookMs).toBeGreaterThan(0);
    const stacks = report.projects.flatMap((project) => project.stacks);
    expect(stacks.map((stack) => stack.directory)).toEqual([
      join(outdir, 'extra', 'stacks', 'zeta-base'),
      join(outdir, 'extra', 'stacks', 'alpha-consumer'),
    ]);
    expect(stacks.every((stack) => existsSync(stackFile(stack)))).toBe(true);
    expect(existsSync(join(outdir, 'not-yet'))).toBe(false);
    expect(progress).toEqual(['skipped', 'started', 'finished']);
  }, 60_000);

  it('synthesizes projects side by side, and reports them in deploy order', async () => {
    const gate = join(workDir, 'gate');
    mkdirSync(gate);
    const names = ['paired-first', 'paired-second'] as const;
    const [first, second] = names.map((name) => fixtureProject(name, pairedApp(names)));
    const report = await synthesizeAll({
      projects: [first as Project, second as Project],
      outdir: join(workDir, 'out-paired'),
      environment: { ...environment, SYNTH_TEST_GATE: gate },
      concurrency: 2,
    });
    expect(report.projects.map(({ project, stacks }) => `${project} ${stacks.length}`)).toEqual([
      'paired-first 2',
      'paired-second 2',
    ]);
  }, 60_000);
});
