/**
 * Unit tests sit next to the code (`*.spec.ts`); end-to-end tests in test/ (`*.e2e-spec.ts`),
 * with the service-level tests against the same real database (`*.service-spec.ts`).
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
    // The web app's aliases (apps/web/vite.config.mts), so its modules can be unit-tested.
    '^@safety-terms$': '<rootDir>/libs/incidents/src/escalation/escalation-terms.ts',
    '^@incident-constants$': '<rootDir>/libs/incidents/src/incident.constants.ts',
    '^@sse-reader$': '<rootDir>/libs/common/src/sse/read-sse.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // End-to-end files start an app and clone a database; a busy CI machine needs room.
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.service-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // The web app in real headless Chromium against the real API (test/browser/README.md).
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
