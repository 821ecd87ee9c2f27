import { TargetRejectedError } from './target-errors.ts';

/**
 * Characters a shell or nmap's own target syntax gives a meaning to (`;`, `|`, `$()`, backquotes, globs, nmap's
 * `,` lists and `-` ranges are not here: `-` is legal in names and addresses are parsed strictly afterwards).
 */
const shellMetacharacters = /[;&|`$<>(){}[\]\\'"*?!#~=%^,+]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\s/;

/**
 * The checks every target text passes before it is parsed, each with its own problem name: a value that
 * looks like an option (`-oN /tmp/x`, `--script=...`) is named as such even though it would fail parsing
 * anyway, so that an attempt shows up as one in dead letters.
 */
export const refuseHostileText = (value: unknown, maxLength: number, what: string): string => {
  if (typeof value !== 'string')
    throw new TargetRejectedError('not-a-string', value, `${what} is not a string`);
  if (value.length > maxLength) {
    throw new TargetRejectedError('too-long', value, `${what} is longer than ${maxLength} characters`);
  }
  if (value.startsWith('-')) {
    throw new TargetRejectedError('option-like', value, `${what} starts with "-", as an nmap option would`);
  }
  if (controlCharacters.test(value)) {
    throw new TargetRejectedError(
      'control-characters',
      value,
      `${what} holds white space or control characters, which could split it into several arguments`,
    );
  }
  const metacharacter = shellMetacharacters.exec(value);
  if (metacharacter !== null) {
    throw new TargetRejectedError(
      'shell-metacharacters',
      value,
      `${what} holds "${metacharacter[0]}", which no address or host name contains`,
    );
  }
  return value;
};
