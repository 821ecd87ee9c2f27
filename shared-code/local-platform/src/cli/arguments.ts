import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** How many words a command takes besides its options, and what to call them in an error. */
export interface PositionalSpec {
  /** e.g. `target`, `project`. */
  readonly name: string;
  readonly min: number;
  /** Infinity for a list. */
  readonly max: number;
}

export const noPositionals: PositionalSpec = { name: 'argument', min: 0, max: 0 };

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; strict: true; allowPositionals: true; tokens: true }>
>;

export interface ParsedArguments<O extends ParseArgsOptionsConfig> {
  readonly values: Parsed<O>['values'];
  readonly positionals: readonly string[];
}

/** The option an error of node's parser is about, as the user wrote it (`--lines`). */
const optionIn = (message: string): string => /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an option';

/** node's parser explains in its own words, some of them meant for another program's users: say it plainly. */
const plainError = (error: NodeJS.ErrnoException): UsageError => {
  const option = optionIn(error.message);
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${option}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        error.message.includes('does not take an argument')
          ? `${option} takes no value`
          : `${option} needs a value`,
      );
    default:
      return new UsageError(error.message);
  }
};

const parseWithNode = <O extends ParseArgsOptionsConfig>(args: readonly string[], options: O): Parsed<O> => {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code === 'string') {
      throw plainError(error as NodeJS.ErrnoException);
    }
    throw error;
  }
};

/** node keeps the last of a repeated option silently; a repeated option is more likely a mistake. */
const checkRepeats = (options: ParseArgsOptionsConfig, tokens: Parsed<ParseArgsOptionsConfig>['tokens']) => {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.value === '') throw new UsageError(`${token.rawName} needs a value`);
    if (options[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) throw new UsageError(`${token.rawName} is given twice`);
    seen.add(token.name);
  }
};

const checkPositionals = (positionals: readonly string[], spec: PositionalSpec): void => {
  if (positionals.length > spec.max) {
    const extra = positionals[spec.max] as string;
    throw new UsageError(
      spec.max === 0
        ? `unexpected argument "${extra}"`
        : `unexpected argument "${extra}" after the ${spec.name}`,
    );
  }
  if (positionals.length < spec.min) {
    throw new UsageError(`no ${spec.name} given`);
  }
};

/**
 * Every command's arguments: node's own parser, strict (an unknown option is an error, never ignored), with a
 * repeated option, an empty value and a wrong number of positionals refused too, each as a UsageError that names
 * the argument at fault.
 */
export const parseArguments = <O extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: O,
  positionals: PositionalSpec = noPositionals,
): ParsedArguments<O> => {
  const parsed = parseWithNode(args, options);
  checkRepeats(options, parsed.tokens);
  checkPositionals(parsed.positionals, positionals);
  return { values: parsed.values, positionals: parsed.positionals };
};

/** A whole number of at least 1, e.g. `--lines 100`. */
export const positiveInteger = (option: string, text: string): number => {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`--${option} needs a whole number of at least 1, not "${text}"`);
  }
  return value;
};
