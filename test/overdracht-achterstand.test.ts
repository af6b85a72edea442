/**
 * The hand-over at contract end (Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1) takes over each klacht as
 * it stands at the hand-over's moment:
 * - a termijn of the aanbieder that passed before that moment is on record as passed, with its expiry and escalation,
 *   before the takeover stops it, whether or not the worker ran its wake-up yet (Awb 9:18, 9:24 lid 1 sub b naar
 *   analogie; the afhandeltermijn of Klachtenprotocol Wmo keten Amsterdam §6, whose overschrijding Amsterdam's
 *   definition escalates to the Klachtenteam, which watches the ketenpartners' handling, §1, §11);
 * - whether the klacht takes the takeover is asked of its regime at that moment, not read from the list stored at its
 *   last step (a klacht last stepped before the release that added AANBIEDER_CONTRACT_BEEINDIGD stored a list without it).
 *
 * Amsterdam's seed definition, fixed dates by the injected clock; no worker runs (ROLE=api), so no wake-up runs unless
 * the hand-over runs it.
 */
import type { EngineApp } from './support/engine-harness';
import { OVERDRACHT_NU as NU, overdrachtApp, type OverdrachtApp } from './support/overdracht';

let overdracht: OverdrachtApp;
let a: EngineApp;

beforeAll(async () => {
  overdracht = await overdrachtApp('overdracht_achterstand');
  a = overdracht.a;
}, 120_000);

afterAll(async () => {
  await overdracht?.close();
});

/**
 * A klacht about one aanbieder, received at the gemeente on `dag`: Amsterdam forwards it (warme doorverwijzing). With
 * `contact` the aanbieder made contact on that day (bijAanbieder.inBehandeling, contact met).
 */
const bijAanbieder = (aanbiederId: string, dag: string, contact: string | undefined) => overdracht.klacht(aanbiederId, dag, { contact });

const termijnen = async (id: string) =>
  (await a.db.query(
    `select naam, revision, to_char(vervaldatum, 'YYYY-MM-DD') as vervaldatum, status, verval_gemeld_op is not null as gemeld
       from termijn where klacht_id = $1 and naam in ('contact', 'aanbiederAfhandeling') order by naam, revision`,
    [id],
  )) as Array<{ naam: string; revision: number; vervaldatum: string; status: string; gemeld: boolean }>;

/** The accepted history after the intake: type, and the termijn of an expiry. */
const historie = async (id: string) =>
  (
    (await a.db.query(`select type, payload from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`, [id])) as Array<{
      type: string;
      payload: { termijn?: string } | null;
    }>
  ).map((g) => (g.type === 'TERMIJN_VERLOPEN' ? `${g.type}:${g.payload?.termijn}` : g.type));

const escalaties = async (id: string) =>
  (
    (await a.db.query(`select payload from outbox where klacht_id = $1 and type = 'termijn.escalatie' order by id`, [id])) as Array<{
      payload: { naam: string; naar: string; at: string };
    }>
  ).map((r) => ({ naam: r.payload.naam, naar: r.payload.naar, at: r.payload.at }));

const state = async (id: string) =>
  ((await a.db.query(`select state from klacht where id = $1`, [id])) as Array<{ state: string }>)[0].state;

async function draagOver(aanbiederId: string): Promise<number> {
  const r = await overdracht.draagOver(aanbiederId);
  expect(r.status).toBe(200);
  return Number(r.headers['x-klachten-overgenomen']);
}

describe('Klachtenprotocol Wmo keten Amsterdam §9: the hand-over takes over the klacht as it stands at its moment', () => {
  it('Klachtenprotocol Wmo keten Amsterdam §6 with Awb 9:24 lid 1 sub b naar analogie: an afhandeltermijn of the aanbieder that passed before the hand-over, its wake-up not yet run, is recorded as passed and escalated to the Klachtenteam before the gemeente takes the klacht over', async () => {
    const id = await bijAanbieder('zorg-laat', '2026-04-02', '2026-04-03');
    // Six weeks from 2 April: the last day is 14 May, due at midnight; on 1 June nothing has fired it.
    expect(await termijnen(id)).toEqual([
      { naam: 'aanbiederAfhandeling', revision: expect.any(Number), vervaldatum: '2026-05-14', status: 'lopend', gemeld: false },
      expect.objectContaining({ naam: 'contact', status: 'nagekomen' }),
    ]);
    const [{ revision }] = await termijnen(id);

    expect(await draagOver('zorg-laat')).toBe(1);

    expect(await state(id)).toMatch(/^gemeente\./);
    // The expiry first, at its own moment, then the takeover at the hand-over's moment.
    const h = await historie(id);
    expect(h.slice(-2)).toEqual(['TERMIJN_VERLOPEN:aanbiederAfhandeling', 'AANBIEDER_CONTRACT_BEEINDIGD']);
    expect((await termijnen(id)).find((t) => t.naam === 'aanbiederAfhandeling')).toMatchObject({ status: 'verlopen', gemeld: true });
    expect(await escalaties(id)).toEqual([{ naam: 'aanbiederAfhandeling', naar: 'klachtenteam', at: '2026-05-14T22:00:00.000Z' }]);
    // The worker's wake-up, when it comes, finds the termijn fired and does nothing.
    expect(await a.wake.verval({ klachtId: id, termijnNaam: 'aanbiederAfhandeling', revision, kind: 'verval' }, NU)).toBe('stale');
    expect(await historie(id)).toEqual(h);
  });

  it('Klachtenprotocol Wmo keten Amsterdam §6: a forwarded klacht the aanbieder never picked up has its missed contact and afhandeltermijn recorded in order, each escalated, before the takeover', async () => {
    const id = await bijAanbieder('zorg-stil', '2026-04-02', undefined);
    expect(await state(id)).toBe('doorgestuurdNaarAanbieder');

    expect(await draagOver('zorg-stil')).toBe(1);

    expect(await state(id)).toMatch(/^gemeente\./);
    expect((await historie(id)).slice(-3)).toEqual([
      'TERMIJN_VERLOPEN:contact',
      'TERMIJN_VERLOPEN:aanbiederAfhandeling',
      'AANBIEDER_CONTRACT_BEEINDIGD',
    ]);
    expect((await termijnen(id)).map((t) => [t.naam, t.status, t.gemeld])).toEqual([
      ['aanbiederAfhandeling', 'verlopen', true],
      ['contact', 'verlopen', true],
    ]);
    expect((await escalaties(id)).map((e) => [e.naam, e.naar])).toEqual([
      ['contact', 'klachtenfunctionaris'],
      ['aanbiederAfhandeling', 'klachtenteam'],
    ]);
  });

  it('Klachtenprotocol Wmo keten Amsterdam §9 with Awb 9:18: a klacht whose stored list of next events predates AANBIEDER_CONTRACT_BEEINDIGD is asked at the hand-over’s moment and taken over; its running afhandeltermijn stops without an expiry', async () => {
    const id = await bijAanbieder('zorg-oud', '2026-05-20', '2026-05-21');
    // The row as a release before the takeover event wrote it: its list, stored at its last step, without the event.
    await a.db.query(`update klacht set volgende_events = volgende_events - 'AANBIEDER_CONTRACT_BEEINDIGD' where id = $1`, [id]);
    const [{ lijst }] = (await a.db.query(`select volgende_events as lijst from klacht where id = $1`, [id])) as Array<{ lijst: string[] }>;
    expect(lijst).not.toContain('AANBIEDER_CONTRACT_BEEINDIGD');
    expect(await state(id)).toBe('bijAanbieder.inBehandeling');

    expect(await draagOver('zorg-oud')).toBe(1);

    expect(await state(id)).toMatch(/^gemeente\./);
    expect((await historie(id)).slice(-1)).toEqual(['AANBIEDER_CONTRACT_BEEINDIGD']);
    // Ended by the takeover before its day (it runs to 1 July): neither running nor passed.
    const afhandeling = (await termijnen(id)).find((t) => t.naam === 'aanbiederAfhandeling');
    expect([afhandeling?.vervaldatum, afhandeling?.gemeld]).toEqual(['2026-07-01', false]);
    expect(['lopend', 'verlopen']).not.toContain(afhandeling?.status);
    expect(await escalaties(id)).toEqual([]);
  });
});
