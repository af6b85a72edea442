import { KlachtEntity } from '../klachten/klacht.entity';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { KlachtCache, termijnVingerafdruk, type KlachtStand } from './klacht-cache';

function stand(id: string, state = 'inBehandeling'): KlachtStand {
  const klacht = Object.assign(new KlachtEntity(), { id, state, version: 1 });
  const termijn = Object.assign(new TermijnEntity(), { id: `${id}-t`, naam: 'afhandeling', status: 'lopend' });
  return { klacht, termijnen: [termijn], xmin: '100', termijnXmin: new Map([[termijn.id, '100']]) };
}

describe('KlachtCache (klachten the engine wrote last, issue 17)', () => {
  it('hands out copies: a caller that changes the klacht or a termijn it got changes nothing in the cache', () => {
    const cache = new KlachtCache();
    const s = stand('a');
    cache.leg('a', s);
    s.klacht.state = 'door de schrijver veranderd';
    const genomen = cache.neem('a')!;
    genomen.klacht.state = 'door de lezer veranderd';
    genomen.termijnen[0].status = 'vervallen';
    genomen.termijnXmin.set('a-t', '999');
    const weer = cache.neem('a')!;
    expect(weer.klacht).toBeInstanceOf(KlachtEntity);
    expect(weer.klacht.state).toBe('inBehandeling');
    expect(weer.termijnen[0].status).toBe('lopend');
    expect(termijnVingerafdruk(weer)).toBe('a-t:100');
  });

  it('keeps the klachten used last: past its size, the one unused longest goes', () => {
    const cache = new KlachtCache(2);
    cache.leg('a', stand('a'));
    cache.leg('b', stand('b'));
    cache.neem('a');
    cache.leg('c', stand('c'));
    expect(cache.neem('b')).toBeUndefined();
    expect(cache.neem('a')?.klacht.id).toBe('a');
    expect(cache.neem('c')?.klacht.id).toBe('c');
    expect(cache.grootte).toBe(2);
  });

  it('forgets a klacht after its maximum age (an xmin is a 32-bit transaction id that comes round again)', () => {
    let nu = 0;
    const cache = new KlachtCache(10, 1000, () => nu);
    cache.leg('a', stand('a'));
    nu = 1000;
    expect(cache.neem('a')).toBeDefined();
    nu = 2001;
    expect(cache.neem('a')).toBeUndefined();
  });

  it('orders the termijnen of the guard by id, as the step statement does (ORDER BY id)', () => {
    const s = stand('k');
    s.termijnXmin = new Map([
      ['f0000000-0000-4000-8000-000000000000', '7'],
      ['00000000-0000-4000-8000-00000000000a', '8'],
      ['0a000000-0000-4000-8000-000000000000', '9'],
    ]);
    expect(termijnVingerafdruk(s)).toBe(
      '00000000-0000-4000-8000-00000000000a:8,0a000000-0000-4000-8000-000000000000:9,f0000000-0000-4000-8000-000000000000:7',
    );
  });

  it('with size 0 keeps nothing (the cache switched off)', () => {
    const cache = new KlachtCache(0);
    cache.leg('a', stand('a'));
    expect(cache.neem('a')).toBeUndefined();
  });
});
