/** Jest runs unit specs next to the code (src/**\/*.spec.ts) and integration tests on real
 * PostgreSQL and Redis (test/**\/*.test.ts). ts-jest compiles with the project tsconfig. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  // Every API response of every test against the served OpenAPI document (test/support/contract.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-setup.ts'],
};
