import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type StackArtifact, stackFile } from '../synth/index.ts';

/** One failed check, on one resource of one stack. */
export interface FailedCheck {
  readonly checkId: string;
  readonly checkName: string;
  /** Terraform address, e.g. `aws_sqs_queue.ingest_queue_1A2B3C4D`. */
  readonly resource: string;
  /** Prisma Cloud's page for the check; absent offline (checkov runs with --skip-download). */
  readonly guideline?: string;
}

export interface StackChecks {
  readonly stack: StackArtifact;
  readonly passed: number;
  readonly skipped: number;
  readonly failed: readonly FailedCheck[];
}

export interface CheckovResult {
  readonly stacks: readonly StackChecks[];
  /** Files checkov could not parse, so did not check. */
  readonly parsingErrors: readonly string[];
}

interface CheckovRecord {
  readonly check_id: string;
  readonly check_name: string;
  readonly resource: string;
  readonly file_abs_path: string;
  readonly guideline?: string | null;
}

interface CheckovFrameworkReport {
  readonly results?: {
    readonly passed_checks: readonly CheckovRecord[];
    readonly failed_checks: readonly CheckovRecord[];
    readonly skipped_checks: readonly CheckovRecord[];
    readonly parsing_errors: readonly string[];
  };
}

interface TerraformJson {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, unknown>>;
}

/**
 * checkov's terraform_json runner names a resource by block, not type (`resource.queue` for
 * `aws_sqs_queue.queue`); the type is found in the stack, where cdktf's logical ids are unique.
 */
export const terraformAddress = (synthesized: TerraformJson, checkovResource: string): string => {
  const [block, ...rest] = checkovResource.split('.');
  const name = rest.join('.');
  if ((block !== 'resource' && block !== 'data') || name === '') return checkovResource;
  const types = Object.entries(synthesized[block] ?? {})
    .filter(([, byName]) => Object.hasOwn(byName, name))
    .map(([type]) => type);
  if (types.length !== 1) return checkovResource;
  return block === 'data' ? `data.${types[0]}.${name}` : `${types[0]}.${name}`;
};

/** A report holds one framework's results, a list of them, or (nothing found to check) only a summary. */
const frameworkReports = (parsed: unknown): readonly CheckovFrameworkReport[] =>
  (Array.isArray(parsed) ? parsed : [parsed]) as CheckovFrameworkReport[];

const checksOfStack = (stack: StackArtifact, reports: readonly CheckovFrameworkReport[]): StackChecks => {
  const file = stackFile(stack);
  const ofStack = (pick: (report: CheckovFrameworkReport) => readonly CheckovRecord[] | undefined) =>
    reports
      .flatMap((report) => pick(report) ?? [])
      .filter((record) => resolve(record.file_abs_path) === file);
  const failed = ofStack((report) => report.results?.failed_checks);
  const synthesized = failed.length === 0 ? {} : (JSON.parse(readFileSync(file, 'utf8')) as TerraformJson);
  return {
    stack,
    passed: ofStack((report) => report.results?.passed_checks).length,
    skipped: ofStack((report) => report.results?.skipped_checks).length,
    failed: failed.map((record) => ({
      checkId: record.check_id,
      checkName: record.check_name,
      resource: terraformAddress(synthesized, record.resource),
      ...(record.guideline == null ? {} : { guideline: record.guideline }),
    })),
  };
};

/** Sorts checkov's JSON report (`results_json.json`) by stack. */
export const checkovResultOf = (reportJson: string, stacks: readonly StackArtifact[]): CheckovResult => {
  const reports = frameworkReports(JSON.parse(reportJson));
  return {
    stacks: stacks.map((stack) => checksOfStack(stack, reports)),
    parsingErrors: reports.flatMap((report) => report.results?.parsing_errors ?? []),
  };
};
