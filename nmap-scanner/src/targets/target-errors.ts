import { PermanentError } from '@sec-an/runtime/errors';

/** What is wrong with a target, so a dead letter and a dashboard can group refusals by cause. */
export type TargetProblem =
  | 'not-a-string'
  | 'too-long'
  | 'option-like'
  | 'shell-metacharacters'
  | 'control-characters'
  | 'not-an-address'
  | 'network-not-address'
  | 'unscannable-address'
  | 'not-a-host-name'
  | 'too-many-hosts'
  | 'out-of-scope';

/**
 * A scan target refused before nmap could start. Permanent: the same request can never become scannable by
 * being retried (a scope change is a new plan, not a redrive of this one).
 */
export class TargetRejectedError extends PermanentError {
  readonly problem: TargetProblem;
  /** The offending value, cut short and made printable, as it can be attacker-chosen. */
  readonly value: string;

  constructor(problem: TargetProblem, value: unknown, detail: string) {
    const shown = printable(value);
    super(`scan target ${shown} refused (${problem}): ${detail}`);
    this.problem = problem;
    this.value = shown;
  }
}

const maxShown = 80;

/** JSON-quoted and cut, so control characters or a huge value cannot forge or flood a log line. */
const printable = (value: unknown): string => {
  const text = typeof value === 'string' ? value : String(value);
  const cut = text.length > maxShown ? `${text.slice(0, maxShown)}…(${text.length} characters)` : text;
  return JSON.stringify(cut);
};
