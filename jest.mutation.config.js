/** Jest for mutation testing (npm run test:mutation, docs/adr/0005-mutation-testing.md): only the pure
 * unit specs that state the rules of the mutated files (termijnen, the compiler's termijnen and the wait for the
 * klager, the first line at the aanbieder, the gemeente's own handling under Awb titel 9.1 and the second line
 * (Awb titel 9.2), intake and routing (Awb 9:1-9:6), the special regimes (Jeugdwet 4.2.1, Wkkgz), signalen and meldingen
 * (Uitgangspunten klachtenmanagement Sociaal Domein §2B, Wmo 2015 art. 3.4), stoppen met leveren (Klachtenprotocol Wmo keten
 * Amsterdam §8), the final states (Awb 9:5, Selectielijst 2020 13.2), how a running termijn may move (acties.ts: Awb 9:11
 * lid 2 and 3, 9:31, Jeugdwet 4.2.1 lid 2 sub d), routing and conditions, legal lint,
 * correctness over time: registration, version migration, termijn reconciliation, the regime's step; lateness, nakoming,
 * termijn instants, the definition diff and intake facts; which termijn has passed at a moment and the expiries a dry run
 * steps first, verstreken-termijnen.ts and verloop-vooraf.ts: Awb 9:11 lid 1, 9:24 lid 1 sub b), so no PostgreSQL,
 * Redis or Chromium is needed and each mutant runs in seconds. */
const base = require('./jest.config');

module.exports = {
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  moduleFileExtensions: base.moduleFileExtensions,
  roots: ['<rootDir>/src/machines', '<rootDir>/src/modules/termijnen'],
  testMatch: [
    '<rootDir>/src/machines/termijnen/**/*.spec.ts',
    '<rootDir>/src/machines/compiler/voorwaarde.spec.ts',
    '<rootDir>/src/machines/compiler/routering.spec.ts',
    '<rootDir>/src/machines/compiler/acties.spec.ts',
    '<rootDir>/src/machines/compiler/termijnen.spec.ts',
    '<rootDir>/src/machines/compiler/wacht-op-klager.spec.ts',
    '<rootDir>/src/machines/compiler/blocks/aanbieder.block.spec.ts',
    '<rootDir>/src/machines/compiler/blocks/awb-intern.block.spec.ts',
    '<rootDir>/src/machines/compiler/blocks/tweede-lijn.block.spec.ts',
    '<rootDir>/src/machines/compiler/blocks/bijzondere-regimes.block.spec.ts',
    '<rootDir>/src/machines/compiler/blocks/intake.block.spec.ts',
    '<rootDir>/src/machines/compiler/blocks/signaal.block.spec.ts',
    '<rootDir>/src/machines/compiler/blocks/stoppen-met-leveren.block.spec.ts',
    '<rootDir>/src/machines/compiler/blocks/afronding.block.spec.ts',
    '<rootDir>/src/machines/definition/validate.spec.ts',
    '<rootDir>/src/machines/definition/*lint*.spec.ts',
    '<rootDir>/src/machines/registratie.spec.ts',
    '<rootDir>/src/machines/migratie.spec.ts',
    '<rootDir>/src/machines/regime-tijd.spec.ts',
    '<rootDir>/src/machines/verantwoordelijke.spec.ts',
    '<rootDir>/src/machines/voor-wekkers.spec.ts',
    '<rootDir>/src/modules/termijnen/termijn-reconcile.spec.ts',
    '<rootDir>/src/machines/definitie-verschil.spec.ts',
    '<rootDir>/src/machines/feiten.spec.ts',
    '<rootDir>/src/modules/termijnen/te-laat.spec.ts',
    '<rootDir>/src/modules/termijnen/nakoming.spec.ts',
    '<rootDir>/src/modules/termijnen/termijn-tijd.spec.ts',
    '<rootDir>/src/modules/termijnen/verstreken-termijnen.spec.ts',
  ],
  // regels.spec.ts, conventies.spec.ts and regime.spec.ts compile every seed definition when the file loads,
  // which Jest repeats for every mutant; the rules they prove about routing, guards and the regime's step
  // have unit specs here (regime-tijd.spec.ts compiles one small fixture definition).
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
};
