/**
 * What a definition's author reads when a value is too small (docs/definities.md: an error names file:line:column and
 * a fix): a list with too few values says how many it needs, not that it is empty when it is not.
 */
import { BASIS, foutenInTestdam, ruimTijdelijkeMappenOp } from './test-fixture';

afterEach(ruimTijdelijkeMappenOp);

const metTevredenheid = (waarden: string) => foutenInTestdam([...BASIS, 'registratie:', `  tevredenheid: ${waarden}`]);

describe('schema errors for a value that is too small', () => {
  it('registratie.tevredenheid with one value: too few values, at least two (tevreden and ontevreden), not an empty list', () => {
    const [fout] = metTevredenheid('[tevreden]').filter((f) => f.message.startsWith('registratie.tevredenheid'));
    expect(fout.message).toBe('registratie.tevredenheid: te weinig waarden (1)');
    expect(fout.hint).toBe('geef minstens 2 waarden');
  });

  it('registratie.tevredenheid empty: the list is empty', () => {
    const [fout] = metTevredenheid('[]').filter((f) => f.message.startsWith('registratie.tevredenheid'));
    expect([fout.message, fout.hint]).toEqual(['registratie.tevredenheid: de lijst is leeg', 'geef minstens 2 waarden']);
  });
});
