import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One line of `handler-errors.jsonl`: what the `status` command shows as the last handler errors. */
export interface HandlerErrorEntry {
  /** ISO 8601. */
  readonly time: string;
  readonly function: string;
  readonly errorType: string;
  readonly errorMessage: string;
  /** What invoked the function: `direct`, `sqs <queue ARN>`, `sns <topic ARN>`, `s3 <bucket>`, `schedule <rule>`. */
  readonly trigger: string;
}

export const handlerErrorsFile = (stateDir: string): string => join(stateDir, 'handler-errors.jsonl');

/** Appends one line; one small append is whole in the file even when several invocations fail at once. */
export const recordHandlerError = async (
  stateDir: string,
  entry: Omit<HandlerErrorEntry, 'time'>,
  time: Date = new Date(),
): Promise<void> => {
  await appendFile(
    handlerErrorsFile(stateDir),
    `${JSON.stringify({ time: time.toISOString(), ...entry })}\n`,
  );
};

const isEntry = (value: unknown): value is HandlerErrorEntry =>
  typeof value === 'object' &&
  value !== null &&
  ['time', 'function', 'errorType', 'errorMessage', 'trigger'].every(
    (key) => typeof (value as Record<string, unknown>)[key] === 'string',
  );

const parseLine = (line: string): HandlerErrorEntry[] => {
  try {
    const value: unknown = JSON.parse(line);
    return isEntry(value) ? [value] : [];
  } catch {
    // A line cut short by a crash mid-write says nothing useful; the others still do.
    return [];
  }
};

/** The last `limit` handler errors, oldest first; none when nothing has failed yet. */
export const lastHandlerErrors = async (stateDir: string, limit: number): Promise<HandlerErrorEntry[]> => {
  let text: string;
  try {
    text = await readFile(handlerErrorsFile(stateDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries = text
    .split('\n')
    .filter((line) => line !== '')
    .flatMap(parseLine);
  return limit <= 0 ? [] : entries.slice(-limit);
};
