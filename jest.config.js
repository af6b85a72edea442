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
  // A worker keeps what each test file leaves in its heap; over the ~300 files one ran out of memory and crashed (fresh-clone
  // CI of c0cc074, in test/brieven-achteraf.test.ts). Jest starts a new worker after a file once this much is in use.
  workerIdleMemoryLimit: '1GB',
  globalSetup: '<rootDir>/test/support/global-setup.js',
  // Every API response of every test against the served OpenAPI document (test/support/contract.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-setup.ts'],
};
