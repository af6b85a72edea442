/**
 * Klachtenprotocol Wmo keten Amsterdam §6 (contact within five werkdagen, handling within six weeks) with Awb 9:24 lid 1
 * sub b naar analogie: when the aanbieder lets its handling termijn pass and the klager goes on (to the second line or
 * the gemeente), the aanbieder's termijnen end without the aanbieder meeting them. A contact termijn suspended at the
 * klager's request (opschorting, which a regeling may allow) that ends so is 'vervallen', not 'nagekomen' (the reports'
 * opTijd: the contact was never made); the handling termijn that passed stays 'verlopen'. Real PostgreSQL, Amsterdam's
 * definition with an opschorting rule on contact.
 */
import { amsterdamContract, type AmsterdamContract } from './support/amsterdam-contract';
import type { EngineApp } from './support/engine-harness';

let contract: AmsterdamContract;
let a: EngineApp;

beforeAll(async () => {
  contract = await amsterdamContract('aanbieder_niet_nagekomen', (definitie) => {
    definitie.termijnen.contact.opschorting = { grondslag: 'Klachtenprotocol Wmo keten §6 (contractueel)' };
  });
  a = contract.a;
}, 120_000);

afterAll(async () => {
  await contract?.close();
});

/** A klacht filed at the aanbieder on Monday 2 March 2026, its contact termijn suspended on the 4th; its six weeks passed (`verlopen`). */
async function bijAanbieder(verlopen: boolean): Promise<{ id: string; stap: (type: string, at: string) => Promise<unknown> }> {
  const id = await contract.bijAanbieder('2026-03-02T10:00:00+01:00');
  const stap = (type: string, at: string, data?: Record<string, unknown>) =>
    a.engine.apply(id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  await stap('OPSCHORTEN', '2026-03-04T10:00:00+01:00', { termijn: 'contact', reden: 'klager in het ziekenhuis' });
  if (!verlopen) return { id, stap };
  const [af] = (await a.db.query(
    `select revision from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling' and status = 'lopend'`,
    [id],
  )) as Array<{ revision: number }>;
  await a.wake.verval(
    { klachtId: id, termijnNaam: 'aanbiederAfhandeling', revision: af.revision, kind: 'verval' },
    new Date('2026-04-14T00:00:05+02:00'),
  );
  return { id, stap };
}

const statussen = async (id: string) =>
  Object.fromEntries(
    (
      (await a.db.query(`select naam, status from termijn where klacht_id = $1 and naam in ('contact', 'aanbiederAfhandeling')`, [
        id,
      ])) as Array<{
        naam: string;
        status: string;
      }>
    ).map((r) => [r.naam, r.status]),
  );

describe('Klachtenprotocol Wmo keten Amsterdam §6: the aanbieder does not meet a termijn by losing the klacht', () => {
  it('Awb 9:24 lid 1 sub b naar analogie: the klager goes to the ombudsman after the aanbieder’s six weeks: the suspended contact termijn ends vervallen, the passed handling termijn stays verlopen', async () => {
    const { id, stap } = await bijAanbieder(true);
    await stap('VERZOEK_OMBUDSMAN', '2026-04-20T10:00:00+02:00');
    expect(await statussen(id)).toEqual({ contact: 'vervallen', aanbiederAfhandeling: 'verlopen' });
  });

  it('§9, Wmo 2015 art. 2.1.1: the contract ends within the six weeks and the gemeente takes the klacht over: both termijnen end vervallen', async () => {
    const { id, stap } = await bijAanbieder(false);
    await stap('AANBIEDER_CONTRACT_BEEINDIGD', '2026-03-20T10:00:00+01:00');
    expect(await statussen(id)).toEqual({ contact: 'vervallen', aanbiederAfhandeling: 'vervallen' });
  });
});
