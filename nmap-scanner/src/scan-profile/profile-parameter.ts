import { ConfigurationError } from '@sec-an/runtime/errors';
import { parameterName, type ReadOptions, readParameter } from '@sec-an/runtime/parameters';
import { z } from 'zod';
import { type ScanProfile, scanProfileSchema } from './scan-profile.ts';

/** `/{app}/{stage}/nmap-scanner/scan-profile/definition`: the profile's JSON, published by the nmap stack. */
export const scanProfileParameter = {
  project: 'nmap-scanner',
  thing: 'scan-profile',
  attribute: 'definition',
} as const;

/** A profile from its JSON text; every problem is named in one ConfigurationError, nothing is guessed. */
export const parseScanProfile = (text: string, source = 'scan profile'): ScanProfile => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigurationError(`${source} is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
  }
  const parsed = scanProfileSchema.safeParse(value);
  if (!parsed.success) throw new ConfigurationError(`${source} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

/**
 * The profile now, read at call time through the short parameter cache, so an operator's change reaches the
 * next scan without a deploy. A missing or invalid parameter is a ConfigurationError: no scan runs on a guess.
 */
export const readScanProfile = async (options: ReadOptions = {}): Promise<ScanProfile> =>
  parseScanProfile(
    await readParameter(scanProfileParameter, options),
    `scan profile ${parameterName(scanProfileParameter)}`,
  );
