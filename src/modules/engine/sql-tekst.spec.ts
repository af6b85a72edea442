import fc from 'fast-check';
import { escapeLiteral } from 'pg';
import { sqlTekst } from './engine.service';

describe('SQL literals for the engine statements (sqlTekst)', () => {
  it('write every string exactly as node-postgres escapeLiteral does: quotes doubled, backslashes in E-strings', () => {
    for (const s of ['', "O'Brien", 'a\\b', "\\'", "'); DROP TABLE klacht; --", 'é 😀', '\\\\x', "E'x'"]) {
      expect(sqlTekst(s)).toBe(escapeLiteral(s));
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '\\', 'a', 'é', '"', ' ', '$', '\n') }), (s) => sqlTekst(s) === escapeLiteral(s)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => sqlTekst(s) === escapeLiteral(s)),
      { numRuns: 500 },
    );
  });
});
