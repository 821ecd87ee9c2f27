import { seconds } from '../cli/output.ts';
import type { ObjectComparison } from './document-comparison.ts';
import { type ReingestResult, type ReplayedObject, totalsOf } from './reingest-result.ts';

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const versions = (comparison: ObjectComparison): string => {
  const { before, after } = comparison.parserVersions;
  return `parser ${before.join(',') || '-'} -> ${after.join(',') || '-'}`;
};

const objectLines = ({ object, documentsBefore, comparison, deadLettered }: ReplayedObject): string[] => {
  const url = `s3://${object.bucket}/${object.key}`;
  const letter = deadLettered ? ', DEAD-LETTERED' : '';
  if (comparison === undefined) return [`  ${url}: ${count(documentsBefore, 'document')} now${letter}`];
  const { identical, changed, added, notProduced } = comparison;
  if (documentsBefore === 0 && added.length === 0)
    return [`  ${url}: no documents, before or after${letter}`];
  return [
    `  ${url}: ${identical.length} identical, ${changed.length} changed, ${added.length} new, ` +
      `${notProduced.length} no longer produced (${versions(comparison)})${letter}`,
    ...changed.map(({ index, id, fields }) => `    changed ${index}/${id}: ${fields.join(', ')}`),
    ...added.map((location) => `    new ${location}`),
    ...notProduced.map((location) => `    no longer produced ${location}`),
  ];
};

/** What a replay did, per object with each document that differs, then the dead letters and the totals. */
export const reingestReport = (result: ReingestResult): string[] => {
  const { task, route, window } = result;
  const lines = [
    `reingest ${task.project}/${task.task}: ${count(result.objects.length, 'raw object')} of ` +
      `s3://${result.bucket}/${route.keyPrefix} written from ${window.since.toISOString()} until ${window.until.toISOString()}, ` +
      `${result.dryRun ? 'would be sent' : 'sent'} to ${route.queueArns.join(', ')} (rule ${route.ruleName})` +
      `${result.dryRun ? ': dry run, nothing is sent' : ''}`,
    ...result.objects.flatMap(objectLines),
  ];
  if (result.dryRun) {
    const documents = result.objects.reduce((sum, { documentsBefore }) => sum + documentsBefore, 0);
    lines.push(
      `would replay ${count(result.objects.length, 'object')}, which ${count(documents, 'history document')} came from`,
    );
    return lines;
  }
  lines.push(
    `dead letters raised meanwhile: ${result.deadLetters.length === 0 ? 'none' : result.deadLetters.length}`,
  );
  for (const { archiveKey, letter } of result.deadLetters) {
    lines.push(
      `  ${archiveKey}: ${letter.reason}${letter.error === null ? '' : ` ${letter.error.name}: ${letter.error.message}`}`,
    );
  }
  const totals = totalsOf(result);
  lines.push(
    `total: ${totals.identical} identical, ${totals.changed} changed, ${totals.added} new, ` +
      `${totals.notProduced} no longer produced, ${count(result.deadLetters.length, 'dead letter')} ` +
      `(settled in ${seconds(result.waitedMs)})`,
  );
  return lines;
};
