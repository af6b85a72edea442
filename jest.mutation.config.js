/** Jest for mutation testing (npm run test:mutation, docs/adr/0005-mutation-testing.md): only the pure
 * unit specs under src/machines, so no PostgreSQL, Redis or Chromium is needed. Diagram rendering is
 * not mutated, so its specs (layout, SVG) are left out of the run. */
const base = require('./jest.config');

module.exports = {
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  moduleFileExtensions: base.moduleFileExtensions,
  roots: ['<rootDir>/src/machines'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/machines/diagram/'],
  testTimeout: 60000,
};
