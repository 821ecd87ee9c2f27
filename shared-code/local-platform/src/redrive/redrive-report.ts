import type { RedriveResult } from './redrive-result.ts';

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** What a run sent, per source queue with each letter's id, and what it skipped and why: lines for people and grep. */
export const redriveReport = (result: RedriveResult): string[] => {
  const verb = result.dryRun ? 'would send' : 'sent';
  const filters = [result.source === undefined ? '' : `source ${result.source}`, result.window ?? '']
    .filter((part) => part !== '')
    .join(', ');
  const lines = [
    `redrive from ${result.origin}${filters === '' ? '' : ` (${filters})`}${result.dryRun ? ': dry run, nothing is sent' : ''}`,
  ];
  for (const [queue, letters] of result.sent) {
    lines.push(`${verb} ${count(letters.length, 'letter')} to ${queue}:`);
    for (const letter of letters) {
      lines.push(`  ${letter.id}${letter.messageId === undefined ? '' : ` -> ${letter.messageId}`}`);
    }
  }
  for (const [reason, ids] of result.skipped) {
    lines.push(`skipped ${count(ids.length, 'letter')} ${reason}:`);
    for (const id of ids) lines.push(`  ${id}`);
  }
  const sent = [...result.sent.values()].reduce((total, letters) => total + letters.length, 0);
  lines.push(`${verb} ${sent} of ${count(result.matched, 'matching dead letter')}`);
  return lines;
};
