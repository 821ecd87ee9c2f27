import { parameterName, type ReadOptions, readParameter } from '../parameters/index.ts';
import { parseScanScope, type ScanScope } from './scope-definition.ts';

/**
 * `/{app}/{stage}/task-execution/scan-scope/definition`: the scope's JSON. task-execution's stack creates it
 * (with the deploy settings' definition, empty by default); the planner and every scanner read it at call time.
 */
export const scanScopeParameter = {
  project: 'task-execution',
  thing: 'scan-scope',
  attribute: 'definition',
} as const;

let parsed: { readonly text: string; readonly scope: ScanScope } | undefined;

/**
 * The scope now, read through the short parameter cache, so an operator's change reaches the planner and the
 * scanners within seconds without a deploy. A missing or malformed parameter is a ConfigurationError: nothing
 * is scanned on a guess.
 */
export const readScanScope = async (options: ReadOptions = {}): Promise<ScanScope> => {
  const text = await readParameter(scanScopeParameter, options);
  if (parsed?.text !== text) {
    parsed = { text, scope: parseScanScope(text, `scan scope ${parameterName(scanScopeParameter)}`) };
  }
  return parsed.scope;
};
