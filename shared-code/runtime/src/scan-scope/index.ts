export type { Cidr } from './ip-address.ts';
export { parseAddress } from './ip-address.ts';
export type { ScanScope, ScanScopeDefinition, ScopeRules } from './scope-definition.ts';
export { emptyScanScopeDefinition, parseScanScope, scanScopeDefinitionSchema } from './scope-definition.ts';
export { readScanScope, scanScopeParameter } from './scope-parameter.ts';
export type { ScopeTarget, ScopeVerdict } from './scope-verdict.ts';
export { scopeVerdict } from './scope-verdict.ts';
