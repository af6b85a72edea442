/**
 * Awb 9:1 (the klachtrecht does not end) with docs/definities.md (on every day one regeling): the newest version of a
 * gemeente that ends (geldigTot) with no version after it leaves the gemeente without a regeling from the next day.
 * The validation warns at that geldigTot line; not when the gemeente is opgeheven the next day (Wet arhi art. 40, the
 * CBS list) or taken over by another (neemtOver), and not for an earlier version a later one follows.
 */
import { join } from 'node:path';
import type { DefinitionError } from '../contract';
import { basisVersie, ruimTijdelijkeMappenOp, schrijfBestanden } from './test-fixture';
import { loadAndValidate } from './validate';

afterEach(ruimTijdelijkeMappenOp);

function bevindingen(bestanden: Record<string, readonly string[]>) {
  const root = schrijfBestanden(bestanden);
  const { errors, waarschuwingen } = loadAndValidate([join(root, 'definitions')]);
  const zonderMap = (e: DefinitionError): DefinitionError => ({ ...e, file: e.file.slice(root.length + 1) });
  return { errors: errors.map(zonderMap), waarschuwingen: waarschuwingen.map(zonderMap) };
}

const EINDE = /begint geen versie van Zeist: vanaf 1 januari 2027 geldt dan geen klachtregeling/;

describe('a last version that ends with no successor', () => {
  it('Awb 9:1: the newest version with geldigTot is warned at its geldigTot line, while an older one without geldigTot exists', () => {
    const laatste = basisVersie('2026-01', '2026-01-01', '2026-12-31');
    const uit = bevindingen({
      'definitions/gm0355-zeist/2024-01.yaml': basisVersie('2024-01', '2024-01-01', undefined),
      'definitions/gm0355-zeist/2026-01.yaml': laatste,
    });
    expect(uit.errors).toEqual([]);
    expect(uit.waarschuwingen.filter((w) => EINDE.test(w.message))).toEqual([
      expect.objectContaining({
        file: 'definitions/gm0355-zeist/2026-01.yaml',
        line: laatste.findIndex((r) => r.startsWith('geldigTot:')) + 1,
        ernst: 'waarschuwing',
        hint: expect.stringContaining('2027-01-01'),
      }),
    ]);
  });

  it('Awb 9:1: a geldigTot that a later version follows, or no geldigTot on the newest, is no such finding', () => {
    const uit = bevindingen({
      'definitions/gm0355-zeist/2024-01.yaml': basisVersie('2024-01', '2024-01-01', '2025-12-31'),
      'definitions/gm0355-zeist/2026-01.yaml': basisVersie('2026-01', '2026-01-01', undefined),
    });
    expect(uit.errors).toEqual([]);
    expect(uit.waarschuwingen.filter((w) => /begint geen versie van/.test(w.message))).toEqual([]);
  });

  it('Wet arhi art. 40: the last version of a gemeente opgeheven the next day is not warned (Weesp, opgeheven per 24 March 2022)', () => {
    const uit = loadAndValidate(['definitions']);
    expect(uit.waarschuwingen.filter((w) => /begint geen versie van/.test(w.message))).toEqual([]);
  });
});
