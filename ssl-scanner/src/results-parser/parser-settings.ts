import { ConfigurationError } from '@sec-an/runtime/errors';

/** Set by the TLS task stack on the parser: the certificates table's name. */
export const certificatesTableVariable = 'SEC_AN_CERTIFICATES_TABLE';

export const certificatesTableFromEnvironment = (environment: NodeJS.ProcessEnv = process.env): string => {
  const value = environment[certificatesTableVariable];
  if (value === undefined || value === '') {
    throw new ConfigurationError(
      `${certificatesTableVariable} is not set: the TLS task stack gives the parser its certificates table`,
    );
  }
  return value;
};
