import type { Construct } from '@sec-an/constructs/cdktf';
import type { DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { ApiStack } from './api-stack.ts';
import { DeadLettersStack } from './dead-letters-stack.ts';
import { IdentityStack } from './identity-stack.ts';
import { KeysStack } from './keys-stack.ts';
import { NetworkStack } from './network-stack.ts';
import type { SharedInfraSettings } from './shared-infra-settings.ts';

export interface SharedInfraStacks {
  readonly keys: KeysStack;
  readonly network: NetworkStack;
  readonly identity: IdentityStack;
  readonly api: ApiStack;
  readonly deadLetters: DeadLettersStack;
}

/**
 * Every stack of shared-infra. They share no Terraform references; each reads what another publishes from SSM
 * at deploy time, so each declares that it deploys after the publisher (`cdktf deploy '*'` and the local
 * platform both follow these dependencies).
 */
export const buildSharedInfra = (
  scope: Construct,
  deployment: DeploymentSettings,
  settings: SharedInfraSettings,
): SharedInfraStacks => {
  const keys = new KeysStack(scope, 'keys', deployment);
  const network = new NetworkStack(scope, 'network', { ...deployment, ...settings.network });
  const identity = new IdentityStack(scope, 'identity', { ...deployment, ...settings.identity });
  const api = new ApiStack(scope, 'api', { ...deployment, ...settings.api });
  const deadLetters = new DeadLettersStack(scope, 'dead-letters', { ...deployment, ...settings.deadLetters });
  const after = (stack: ServiceStack, publishers: readonly ServiceStack[]): void => {
    for (const publisher of publishers) stack.addDependency(publisher);
  };
  after(network, [keys]);
  after(api, [keys, identity]);
  after(deadLetters, [keys]);
  return { keys, network, identity, api, deadLetters };
};
