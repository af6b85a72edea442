/**
 * Stichtse Vecht's seed definition with a `contact` termijn of five werkdagen for both parties (TermijnDefinitie.geldtVoor:
 * [aanbieder, gemeente]; the schema allows it, no seed uses it yet), served through REGIME_BRON for GM1904, every other
 * gemeente its seed: for the tests of whose contact termijn is whose (rapport-aanbieder-contact-gemeente, termijn-partij).
 */
import { join } from 'node:path';
import type { TermijnDefinitie } from '../../src/machines/definition/types';
import { loadRegistry } from '../../src/machines';
import { maakRegime, type Regime } from '../../src/machines/regime';
import type { RegimeBron } from '../../src/modules/engine/regime-bron';

export function contactVoorBeide(extra: Partial<TermijnDefinitie> = {}): RegimeBron {
  const seeds = loadRegistry(join(__dirname, '..', '..', 'definitions'));
  const sv = seeds.regimes.find((r) => r.summary.gemeente.cbsCode.toUpperCase() === 'GM1904') as Regime;
  const definitie = structuredClone(sv.definitie);
  definitie.termijnen.contact = {
    label: 'Contact met de klager',
    duur: 'P5D',
    rekenwijze: 'werkdagen',
    atw: false,
    grondslag: 'klachtenregeling en contract (contact binnen vijf werkdagen)',
    geldtVoor: ['aanbieder', 'gemeente'],
    ...extra,
  };
  const beide = maakRegime(definitie, sv.summary.id);
  return {
    forGemeente: (code, at) => (code === 'GM1904' ? beide : seeds.forGemeente(code, at)),
    byId: (id, versie) => (id === beide.summary.id && versie === beide.summary.versie ? beide : seeds.byId(id, versie)),
  };
}
