import { join } from 'node:path';
import { say, seconds } from '../cli/output.ts';
import { SetupError } from '../errors/index.ts';
import { cacheDir, repositoryRoot } from '../paths/index.ts';
import { allStacks, SynthError, type SynthProgress, synthesizeAll } from '../synth/index.ts';
import { extraCheckedProjects } from './checked-projects.ts';
import { CheckovError } from './checkov-error.ts';
import { configuredSkips } from './configured-skips.ts';
import { checkovVersion, installCheckov } from './install.ts';
import { runCheckov } from './run-checkov.ts';
import { passes, reportLines, summaryLine } from './verdict.ts';

/** The stage CI synthesizes with: a name of its own, so no setting of a real stage leaks into the checks. */
const ciEnvironment = { SEC_AN_STAGE: 'ci' };

const sayProgress = (progress: SynthProgress): void => {
  if (progress.kind === 'skipped') say(`  ${progress.project}: skipped (${progress.reason})`);
  if (progress.kind === 'finished') {
    const { project, stacks, tookMs } = progress.result;
    say(`  ${project}: ${stacks.length} stacks in ${seconds(tookMs)}`);
  }
};

const timed = async <T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly tookMs: number }> => {
  const began = performance.now();
  const value = await work();
  return { value, tookMs: performance.now() - began };
};

const check = async (): Promise<boolean> => {
  const install = await timed(installCheckov);
  say(`checkov ${checkovVersion} ready in ${seconds(install.tookMs)}`);
  say('synthesizing with SEC_AN_STAGE=ci');
  const synth = await timed(() =>
    synthesizeAll({
      outdir: join(cacheDir(), 'checkov'),
      environment: ciEnvironment,
      extraProjectDirectories: extraCheckedProjects.map((folder) => join(repositoryRoot, folder)),
      onProgress: sayProgress,
    }),
  );
  const stacks = allStacks(synth.value);
  const configFile = join(repositoryRoot, '.checkov.yaml');
  const run = await timed(() =>
    runCheckov(stacks, { configFile, reportDir: join(cacheDir(), 'checkov-report') }),
  );
  say(`checked ${stacks.length} stacks in ${seconds(run.tookMs)}`);
  say(`  not run, as .checkov.yaml says with reasons: ${configuredSkips(configFile).join(', ')}`);
  for (const line of reportLines(run.value)) say(line);
  say(summaryLine(run.value));
  return passes(run.value);
};

const main = async (): Promise<number> => {
  try {
    return (await check()) ? 0 : 1;
  } catch (error) {
    if (error instanceof SynthError || error instanceof CheckovError || error instanceof SetupError) {
      console.error(`checkov: ${error.message}`);
      return 1;
    }
    throw error;
  }
};

process.exitCode = await main();
