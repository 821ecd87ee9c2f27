// Unit tests (`*.test.ts`) run in parallel; integration tests (`*.integration.test.ts`) share one moto and one
// OpenSearch node started by the global setup and reset between suites, so they run in band.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2024' },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  roots: [
    '<rootDir>/shared-code',
    '<rootDir>/shared-infra',
    '<rootDir>/analytics-platform',
    '<rootDir>/task-execution',
    '<rootDir>/nmap-scanner',
    '<rootDir>/ssl-scanner',
    '<rootDir>/docs',
  ],
};

/** @type {import('jest').Config} */
export default {
  // For hooks and tests that name no timeout of their own: jest's 5 s is exceeded by a reset of the backends or a
  // few calls to moto when the machine is shared and slow. Jest reads it from the global config only.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      globalSetup: '<rootDir>/shared-code/local-platform/src/testing/unit-global-setup.ts',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.integration\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.integration.test.ts'],
      globalSetup: '<rootDir>/shared-code/local-platform/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/shared-code/local-platform/src/testing/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
};
