import { readScanScope } from '@sec-an/runtime/scan-scope';
import { dnsInventory } from './inventory-lookup.ts';
import { type Resolver, resolveTargets, systemResolver } from './resolve-targets.ts';
import { checkScope, type ScopeCheck } from './scope-check.ts';
import { type ScanRequest, sendScanRequests } from './send-requests.ts';

export interface RequestedScans {
  readonly refused: ScopeCheck['refused'];
  /** One per in-scope address, as published. */
  readonly requests: readonly ScanRequest[];
}

/**
 * Resolves the targets, judges every address against the stage's scope (read now, as the scanners will read it),
 * and publishes an on-demand scan request for each address in scope. Nothing is sent for an address out of scope.
 */
export const requestScans = async (
  targets: readonly string[],
  now: Date,
  resolver: Resolver = systemResolver,
): Promise<RequestedScans> => {
  const [resolved, scope] = await Promise.all([
    dnsInventory().then((inventory) => resolveTargets(targets, inventory, resolver)),
    readScanScope({ maxAgeSeconds: 0 }),
  ]);
  const { allowed, refused } = checkScope(scope, resolved);
  return { refused, requests: await sendScanRequests(allowed, now) };
};
