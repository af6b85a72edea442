import { EXTERN_PATROON, MAX_GEBEURTENISSEN_PER_REGEL } from './dto/import-regel.dto';
import { gebeurtenisSleutel, gebeurtenisSleutelPrefix, intakeSleutel } from './import-bezig';

/** The import's idempotency keys (docs/import.md): one key per step of one line, never the key of another line's step. */
describe('import keys', () => {
  const externen = ['A', 'A:0', 'A:0:1', 'A:1', 'A:', 'A::0', 'A#0', 'A.0', '0', `AMS/${'x'.repeat(96)}`];
  const geldig = externen.filter((e) => EXTERN_PATROON.test(e));

  it('an extern cannot hold the separator of its event keys, so two valid externs never share a key (intake or event)', () => {
    expect(geldig).not.toContain('A#0');
    const eigenaar = new Map<string, string>();
    for (const e of geldig) {
      for (const sleutel of [intakeSleutel(e), ...[0, 1, 10, MAX_GEBEURTENISSEN_PER_REGEL - 1].map((i) => gebeurtenisSleutel(e, i))]) {
        expect({ sleutel, van: eigenaar.get(sleutel) ?? e }).toEqual({ sleutel, van: e });
        eigenaar.set(sleutel, e);
      }
      // The end of a line removes its event keys by this prefix: no other extern's intake key starts with it.
      for (const ander of geldig.filter((x) => x !== e)) expect(intakeSleutel(ander).startsWith(gebeurtenisSleutelPrefix(e))).toBe(false);
    }
  });

  it('the longest extern with its last event fits the key column (varchar 255)', () => {
    const langst = 'x'.repeat(100);
    expect(EXTERN_PATROON.test(langst)).toBe(true);
    expect(EXTERN_PATROON.test(langst + 'x')).toBe(false);
    expect(gebeurtenisSleutel(langst, MAX_GEBEURTENISSEN_PER_REGEL - 1).length).toBeLessThanOrEqual(255);
  });

  it('the intake key is the one of every import before (import:<extern>): an extern imported before is still recognised', () => {
    expect(intakeSleutel('AMS-2024-000123')).toBe('import:AMS-2024-000123');
  });
});
