import type { ScanScope, ScopeVerdict } from '@sec-an/runtime/scan-scope';
import { scopeVerdict } from '@sec-an/runtime/scan-scope';
import type { ResolvedTarget } from './scan-target.ts';

export interface ScopeCheck {
  readonly allowed: readonly (ResolvedTarget & { readonly verdict: ScopeVerdict })[];
  readonly refused: readonly (ResolvedTarget & { readonly verdict: ScopeVerdict })[];
}

/** Each address with the scope's verdict on it and its names, exactly as the planner and the scanners judge it. */
export const checkScope = (scope: ScanScope, targets: readonly ResolvedTarget[]): ScopeCheck => {
  const judged = targets.map((target) => ({ ...target, verdict: scopeVerdict(scope, target) }));
  return {
    allowed: judged.filter(({ verdict }) => verdict.inScope),
    refused: judged.filter(({ verdict }) => !verdict.inScope),
  };
};
