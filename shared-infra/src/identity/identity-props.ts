/**
 * Cognito threat protection (the Plus tier): `enforced` blocks sign-ins with leaked passwords or high risk,
 * `audit` only records them, `off` keeps the Essentials tier. Plus costs cents per active user and month,
 * which for a security team's handful of users is cheap protection.
 */
export type ThreatProtection = 'enforced' | 'audit' | 'off';

export const threatProtectionChoices: readonly ThreatProtection[] = ['enforced', 'audit', 'off'];

export interface IdentityProps {
  /** Default: `enforced`. */
  readonly threatProtection?: ThreatProtection;
  /**
   * Where the hosted sign-in may send users back to (OpenSearch Dashboards URLs). Default: none, and the
   * client signs in with SRP only; OpenSearch Service registers its own hosted-UI client when the domain turns
   * Cognito authentication on.
   */
  readonly dashboardsCallbackUrls?: readonly string[];
  /** Refuse to delete the user pool (and its users). Default: true; turn off before destroying a stage. */
  readonly deletionProtection?: boolean;
}

/** Cognito refuses domain prefixes that contain these words. */
const reservedDomainWords = ['aws', 'amazon', 'cognito'];

export const validateDomainPrefix = (prefix: string): string[] =>
  reservedDomainWords
    .filter((word) => prefix.includes(word))
    .map((word) => `user pool domain "${prefix}" must not contain "${word}": change the app or stage name`);

export const validateIdentityProps = (props: IdentityProps): string[] => [
  ...(props.threatProtection === undefined || threatProtectionChoices.includes(props.threatProtection)
    ? []
    : [`threatProtection must be one of ${threatProtectionChoices.join(', ')}`]),
  ...(props.dashboardsCallbackUrls ?? [])
    .filter((url) => !url.startsWith('https://'))
    .map((url) => `dashboards callback URL "${url}" must use https`),
];
