import type { CognitoUserPoolPasswordPolicy } from '@cdktf/provider-aws/lib/cognito-user-pool/index.js';

/**
 * Long passwords of every character class (NIST 800-63B favours length; the classes are the scanners'
 * auditors' expectation), none of the last 24 reused, and a temporary password that dies before it is forgotten
 * in a mailbox.
 */
export const passwordPolicy = {
  minimumLength: 14,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
  passwordHistorySize: 24,
  temporaryPasswordValidityDays: 3,
} as const satisfies CognitoUserPoolPasswordPolicy;
