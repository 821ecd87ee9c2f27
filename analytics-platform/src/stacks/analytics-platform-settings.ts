import type { SearchDomainProps } from './search-domain/search-domain-props.ts';

/** What analytics-platform's stacks may be told by the environment of `cdktf synth` / `cdktf deploy`. */
export interface AnalyticsPlatformSettings {
  readonly searchDomain: SearchDomainProps;
}

export class AnalyticsPlatformSettingsError extends Error {
  override readonly name = 'AnalyticsPlatformSettingsError';
}

type Environment = Readonly<Record<string, string | undefined>>;

const settingOf = (environment: Environment, name: string): string | undefined => {
  const value = environment[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

const wholeNumber = (environment: Environment, name: string): number | undefined => {
  const value = settingOf(environment, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new AnalyticsPlatformSettingsError(`${name}="${value}" is not a whole number`);
  return Number(value);
};

/** Only the settings that are set: every other one keeps its stack's documented default. */
const defined = <T extends object>(entries: { readonly [K in keyof T]-?: T[K] | undefined }): T =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as T;

/** Reads the settings listed in analytics-platform's README; anything unset keeps the stacks' defaults. */
export const analyticsPlatformSettingsFrom = (
  environment: Environment = process.env,
): AnalyticsPlatformSettings => ({
  searchDomain: defined<SearchDomainProps>({
    instanceType: settingOf(environment, 'SEC_AN_SEARCH_INSTANCE_TYPE'),
    instanceCount: wholeNumber(environment, 'SEC_AN_SEARCH_INSTANCE_COUNT'),
    volumeSizeGb: wholeNumber(environment, 'SEC_AN_SEARCH_VOLUME_GB'),
    snapshotStartHour: wholeNumber(environment, 'SEC_AN_SEARCH_SNAPSHOT_HOUR'),
    dedicatedMasterType: settingOf(environment, 'SEC_AN_SEARCH_DEDICATED_MASTER_TYPE'),
  }),
});
