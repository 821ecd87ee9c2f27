import { z } from 'zod';
import { ConfigurationError } from '../errors/index.ts';
import { parseSuffix } from './host-suffix.ts';
import { type Cidr, parseCidr } from './ip-address.ts';

const ruleList = z.strictObject({
  cidrs: z.array(z.string()).default([]),
  suffixes: z.array(z.string()).default([]),
});

/**
 * The scope as an operator writes it (the SSM parameter's JSON). A list left out is empty; an unknown key is an
 * error, since a misspelt `deny` would otherwise silently deny nothing.
 */
export const scanScopeDefinitionSchema = z.strictObject({
  allow: ruleList.default({ cidrs: [], suffixes: [] }),
  deny: ruleList.default({ cidrs: [], suffixes: [] }),
});

export type ScanScopeDefinition = z.input<typeof scanScopeDefinitionSchema>;

/** Nothing in scope: the definition a stage starts with until its operator names what it owns. */
export const emptyScanScopeDefinition = {
  allow: { cidrs: [], suffixes: [] },
  deny: { cidrs: [], suffixes: [] },
} as const satisfies ScanScopeDefinition;

export interface ScopeRules {
  readonly cidrs: readonly Cidr[];
  /** Lower case, without a trailing dot. */
  readonly suffixes: readonly string[];
}

/** A parsed, valid scope definition. */
export interface ScanScope {
  readonly allow: ScopeRules;
  readonly deny: ScopeRules;
}

type ListName = 'allow' | 'deny';

const parseRules = (name: ListName, list: z.output<typeof ruleList>, problems: string[]): ScopeRules => {
  const cidrs: Cidr[] = [];
  const suffixes: string[] = [];
  list.cidrs.forEach((text, i) => {
    const parsed = parseCidr(text);
    if (typeof parsed === 'string') problems.push(`${name}.cidrs[${i}] "${text}" ${parsed}`);
    else cidrs.push(parsed);
  });
  list.suffixes.forEach((text, i) => {
    const parsed = parseSuffix(text);
    if (typeof parsed === 'string') problems.push(`${name}.suffixes[${i}] "${text}" ${parsed}`);
    else suffixes.push(parsed.suffix);
  });
  return { cidrs, suffixes };
};

const jsonOf = (text: string, source: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigurationError(`${source} is not JSON: ${text.slice(0, 200)}`);
  }
};

/**
 * Parses a scope definition (its JSON text, or the value). Every bad entry is named in one ConfigurationError,
 * so that an operator fixes them all at once; nothing partial is ever returned.
 */
export const parseScanScope = (definition: unknown, source = 'scan scope definition'): ScanScope => {
  const value = typeof definition === 'string' ? jsonOf(definition, source) : definition;
  const shaped = scanScopeDefinitionSchema.safeParse(value);
  if (!shaped.success) {
    throw new ConfigurationError(`${source} is malformed: ${z.prettifyError(shaped.error)}`);
  }
  const problems: string[] = [];
  const scope = {
    allow: parseRules('allow', shaped.data.allow, problems),
    deny: parseRules('deny', shaped.data.deny, problems),
  };
  if (problems.length > 0) throw new ConfigurationError(`${source}: ${problems.join('; ')}`);
  return scope;
};
