import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../processes/index.ts';
import { type StackArtifact, stackFile } from '../synth/index.ts';
import { CheckovError } from './checkov-error.ts';
import { type CheckovResult, checkovResultOf } from './checkov-report.ts';
import { checkovBinary } from './install.ts';

export interface CheckovRunOptions {
  /** The `.checkov.yaml` with the skipped checks. */
  readonly configFile: string;
  /** Where checkov writes `results_json.json`. */
  readonly reportDir: string;
  /** Default: 10 minutes. */
  readonly timeoutMs?: number;
}

const reportFileName = 'results_json.json';

/**
 * cdktf writes Terraform JSON, which checkov 3.3 reads with its `terraform_json` framework (its `terraform`
 * framework finds no runner for a `.tf.json` file). `--skip-download` keeps the run offline and repeatable: no
 * guidelines or policies fetched from Prisma Cloud.
 */
const checkovArgs = (stacks: readonly StackArtifact[], options: CheckovRunOptions): string[] => [
  ...stacks.flatMap((stack) => ['--file', stackFile(stack)]),
  '--framework',
  'terraform_json',
  '--config-file',
  options.configFile,
  '--output',
  'json',
  '--output-file-path',
  options.reportDir,
  '--compact',
  '--skip-download',
];

/** Runs checkov once over every stack's cdk.tf.json. Failed checks are a result, not an error. */
export const runCheckov = async (
  stacks: readonly StackArtifact[],
  options: CheckovRunOptions,
): Promise<CheckovResult> => {
  // Without a --file checkov would scan the working folder instead.
  if (stacks.length === 0) return { stacks: [], parsingErrors: [] };
  if (!existsSync(options.configFile)) {
    throw new CheckovError(`checkov's config ${options.configFile} is missing`);
  }
  const reportFile = join(options.reportDir, reportFileName);
  mkdirSync(options.reportDir, { recursive: true });
  rmSync(reportFile, { force: true });
  const run = await runCommand(checkovBinary(), checkovArgs(stacks, options), {
    timeoutMs: options.timeoutMs ?? 600_000,
  });
  // checkov exits 1 for failed checks; anything else, or no report, means it did not finish.
  if ((run.exitCode !== 0 && run.exitCode !== 1) || !existsSync(reportFile)) {
    const tail = run.output.trimEnd().split('\n').slice(-30).join('\n');
    throw new CheckovError(
      `checkov exited with code ${run.exitCode} and wrote no report; its last output:\n${tail}`,
    );
  }
  return checkovResultOf(readFileSync(reportFile, 'utf8'), stacks);
};
