import { refuseHostileText } from './hostile-text.ts';
import { TargetRejectedError } from './target-errors.ts';

const maxNameLength = 253;
const label = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * A host name of a target, checked as strictly as DNS allows (labels of letters, digits, `-` and `_`, up to 63
 * characters, 253 in all), lower-cased and without the root's trailing dot. A wildcard record's name
 * (`*.example.com`) is kept: the DNS inventory resolves them. Names are never given to nmap (it would resolve
 * them itself, possibly to an address outside the scope); they name the target in its metadata and the scope.
 */
export const parseHostName = (value: unknown): string => {
  const wildcard = typeof value === 'string' && value.startsWith('*.');
  const text = refuseHostileText(wildcard ? (value as string).slice(2) : value, maxNameLength, 'a host name');
  const name = (text.endsWith('.') ? text.slice(0, -1) : text).toLowerCase();
  const labels = name.split('.');
  const bad = labels.find((part) => !label.test(part));
  if (name.length === 0 || bad !== undefined) {
    throw new TargetRejectedError(
      'not-a-host-name',
      value,
      `not a DNS name: the label "${bad ?? ''}" is not 1-63 letters, digits, "-" or "_" (not starting or ending with "-")`,
    );
  }
  if (/^[0-9]+$/.test(labels.at(-1) ?? '')) {
    throw new TargetRejectedError('not-a-host-name', value, 'a top-level label is never all digits');
  }
  return wildcard ? `*.${name}` : name;
};
