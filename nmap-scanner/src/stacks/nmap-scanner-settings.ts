import { readFileSync } from 'node:fs';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { defaultScanProfile, parseScanProfile, type ScanProfile } from '../scan-profile/index.ts';

/** What nmap-scanner's stacks may be told by the environment of `cdktf synth` / `cdktf deploy`. */
export interface NmapScannerSettings {
  /** The profile the stage starts with (SSM `scan-profile/definition`); operators change it there. */
  readonly scanProfile: ScanProfile;
  /** The image ECS pulls: `<registry>/<repository>:<tag>` or `@sha256:` digest. */
  readonly image: string;
  /** Which scan requests the task takes, by their `addressType` attribute. */
  readonly addressTypes: readonly ('ipv4' | 'ipv6')[];
  /**
   * The local platform runs a task's command on the host instead of its image: there the container's command is
   * this project's entrypoint from its sources, run by the Node that synthesizes.
   */
  readonly runsFromSources: boolean;
}

export class NmapScannerSettingsError extends Error {
  override readonly name = 'NmapScannerSettingsError';
}

type Environment = Readonly<Record<string, string | undefined>>;

/** The stage the local platform deploys (local-platform's `localStage`; a deploy setting cannot import it). */
const localStage = 'local';

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;

const settingOf = (environment: Environment, name: string): string | undefined => {
  const value = environment[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

const scanProfile = (environment: Environment): ScanProfile => {
  const text = settingOf(environment, 'SEC_AN_NMAP_SCAN_PROFILE');
  if (text === undefined) return defaultScanProfile;
  try {
    return parseScanProfile(text, 'SEC_AN_NMAP_SCAN_PROFILE');
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new NmapScannerSettingsError(error.message, { cause: error });
  }
};

const imagePattern = /^[a-z0-9][a-z0-9._\-/:]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;

const image = (environment: Environment): string => {
  const named = settingOf(environment, 'SEC_AN_NMAP_IMAGE') ?? `sec-an-nmap-scanner:${packageVersion()}`;
  if (!imagePattern.test(named)) {
    throw new NmapScannerSettingsError(
      `SEC_AN_NMAP_IMAGE="${named}" is not an image with a tag or a sha256 digest (<repository>:<tag>, <repository>@sha256:<digest>)`,
    );
  }
  return named;
};

const addressTypeNames = ['ipv4', 'ipv6'] as const;

const isAddressType = (value: string): value is (typeof addressTypeNames)[number] =>
  (addressTypeNames as readonly string[]).includes(value);

/**
 * IPv4 only by default: shared-infra's VPC has no IPv6, so a Fargate task could not reach an IPv6 target. A stage
 * whose network routes IPv6 adds it.
 */
const addressTypes = (environment: Environment): ('ipv4' | 'ipv6')[] => {
  const text = settingOf(environment, 'SEC_AN_NMAP_ADDRESS_TYPES') ?? 'ipv4';
  const names = text.split(',').map((name) => name.trim());
  const types = names.filter(isAddressType);
  if (types.length !== names.length || new Set(types).size !== types.length) {
    throw new NmapScannerSettingsError(
      `SEC_AN_NMAP_ADDRESS_TYPES="${text}" must list ipv4 and/or ipv6, each once, comma-separated`,
    );
  }
  return types;
};

/** Reads the settings listed in nmap-scanner's README; every bad value is refused at synth, by name. */
export const nmapScannerSettingsFrom = (environment: Environment = process.env): NmapScannerSettings => ({
  scanProfile: scanProfile(environment),
  image: image(environment),
  addressTypes: addressTypes(environment),
  runsFromSources: environment.SEC_AN_STAGE === localStage,
});
