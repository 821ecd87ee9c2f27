import { trustAnchorsDefinition } from '../trust-anchors/index.ts';

/** What a stage may set for ssl-scanner, read from the environment of `cdktf synth` / `cdktf deploy`. */
export interface SslScannerSettings {
  /** Whether the certificates table refuses to be deleted; task-execution's tables follow the same variable. */
  readonly tableDeletionProtection: boolean;
  /**
   * The trust anchors' parameter JSON, from `SEC_AN_TLS_TRUSTED_ROOTS` (PEM text of the organisation's own CAs,
   * trusted besides Mozilla's store). Default: none.
   */
  readonly trustAnchors: string;
}

export class SslScannerSettingsError extends Error {
  override readonly name = 'SslScannerSettingsError';
}

const flag = (environment: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const value = environment[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new SslScannerSettingsError(`${name} is "${value}": it must be true or false`);
};

export const sslScannerSettingsFrom = (environment: NodeJS.ProcessEnv = process.env): SslScannerSettings => ({
  tableDeletionProtection: flag(environment, 'SEC_AN_TABLE_DELETION_PROTECTION', true),
  trustAnchors: trustAnchorsDefinition(
    environment.SEC_AN_TLS_TRUSTED_ROOTS ?? '',
    'SEC_AN_TLS_TRUSTED_ROOTS',
  ),
});
