import type { ApiProps } from '../api/api-props.ts';
import {
  type IdentityProps,
  type ThreatProtection,
  threatProtectionChoices,
} from '../identity/identity-props.ts';
import { type NatGateways, type NetworkProps, natGatewayChoices } from '../network/network-props.ts';
import type { DeadLettersProps } from './dead-letters-stack.ts';

/** What shared-infra's stacks may be told by the environment of `cdktf synth` / `cdktf deploy`. */
export interface SharedInfraSettings {
  readonly network: NetworkProps;
  readonly identity: IdentityProps;
  readonly api: ApiProps;
  readonly deadLetters: DeadLettersProps;
}

export class SharedInfraSettingsError extends Error {
  override readonly name = 'SharedInfraSettingsError';
}

type Environment = Readonly<Record<string, string | undefined>>;

const settingOf = (environment: Environment, name: string): string | undefined => {
  const value = environment[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

const wholeNumber = (environment: Environment, name: string): number | undefined => {
  const value = settingOf(environment, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new SharedInfraSettingsError(`${name}="${value}" is not a whole number`);
  return Number(value);
};

const yesOrNo = (environment: Environment, name: string): boolean | undefined => {
  const value = settingOf(environment, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') {
    throw new SharedInfraSettingsError(`${name}="${value}" must be true or false`);
  }
  return value === 'true';
};

const oneOf = <T extends string>(
  environment: Environment,
  name: string,
  choices: readonly T[],
): T | undefined => {
  const value = settingOf(environment, name);
  if (value === undefined) return undefined;
  const choice = choices.find((candidate) => candidate === value);
  if (choice === undefined) {
    throw new SharedInfraSettingsError(`${name}="${value}" must be one of ${choices.join(', ')}`);
  }
  return choice;
};

const list = (environment: Environment, name: string): string[] | undefined =>
  settingOf(environment, name)
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Only the settings that are set: every other one keeps its stack's documented default. */
const defined = <T extends object>(entries: { readonly [K in keyof T]-?: T[K] | undefined }): T =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as T;

/** Reads the settings listed in shared-infra's README; anything unset keeps the stacks' defaults. */
export const sharedInfraSettingsFrom = (environment: Environment = process.env): SharedInfraSettings => ({
  network: defined<NetworkProps>({
    availabilityZoneCount: wholeNumber(environment, 'SEC_AN_AVAILABILITY_ZONE_COUNT'),
    availabilityZoneNames: list(environment, 'SEC_AN_AVAILABILITY_ZONES'),
    cidrBlock: settingOf(environment, 'SEC_AN_VPC_CIDR'),
    natGateways: oneOf<NatGateways>(environment, 'SEC_AN_NAT_GATEWAYS', natGatewayChoices),
  }),
  identity: defined<IdentityProps>({
    threatProtection: oneOf<ThreatProtection>(
      environment,
      'SEC_AN_THREAT_PROTECTION',
      threatProtectionChoices,
    ),
    dashboardsCallbackUrls: list(environment, 'SEC_AN_DASHBOARDS_CALLBACK_URLS'),
    deletionProtection: yesOrNo(environment, 'SEC_AN_USER_POOL_DELETION_PROTECTION'),
  }),
  api: defined<ApiProps>({
    stageName: settingOf(environment, 'SEC_AN_API_STAGE_NAME'),
    rateLimitPerFiveMinutes: wholeNumber(environment, 'SEC_AN_API_RATE_LIMIT'),
    manageAccountLoggingRole: yesOrNo(environment, 'SEC_AN_MANAGE_API_GATEWAY_LOGGING_ROLE'),
  }),
  deadLetters: defined<DeadLettersProps>({
    deadLetterExpirationDays: wholeNumber(environment, 'SEC_AN_DEAD_LETTER_EXPIRATION_DAYS'),
    accessLogExpirationDays: wholeNumber(environment, 'SEC_AN_ACCESS_LOG_EXPIRATION_DAYS'),
  }),
});
