import { beforeAll } from '@jest/globals';
import { resetMoto, resetOpenSearch } from '../reset/index.ts';

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) {
    throw new Error(
      `${name} is not set: integration tests run under the jest global setup (pnpm test:integration)`,
    );
  }
  return value;
};

/** Where the suite's backends listen, as set by the global setup. */
export const testBackends = () => ({
  motoEndpoint: required('AWS_ENDPOINT_URL'),
  openSearchEndpoint: required('SEC_AN_OPENSEARCH_URL'),
});

/** Empties moto and OpenSearch before the suite, so no suite sees another's resources. */
export const useCleanBackends = (): void => {
  beforeAll(async () => {
    const { motoEndpoint, openSearchEndpoint } = testBackends();
    await Promise.all([resetMoto(motoEndpoint), resetOpenSearch(openSearchEndpoint)]);
  });
};
