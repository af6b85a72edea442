import { didYouMean } from './suggest';

describe('did-you-mean for keys, facts and roles', () => {
  it('a Dutch compound points to the key it contains, not to a longer compound (afhandeltermijn -> termijnen)', () => {
    expect(didYouMean('afhandeltermijn', ['bewaartermijnen', 'termijnen', 'tweedeLijn', 'stappen'])).toBe('termijnen');
  });

  it('a typo gets the nearest candidate; nothing close gets no suggestion', () => {
    expect(didYouMean('leidinggevde', ['behandelaar', 'leidinggevende', 'college'])).toBe('leidinggevende');
    expect(didYouMean('xyz', ['behandelaar', 'leidinggevende', 'college'])).toBeUndefined();
  });

  it('the pre-2015 word jeugdzorg means jeugdhulp (Jeugdwet 2015), not zorg', () => {
    expect(didYouMean('jeugdzorg', ['wmo', 'jeugdhulp', 'zorg', 'overig'])).toBe('jeugdhulp');
  });
});
