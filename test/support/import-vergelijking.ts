/**
 * The comparison of the import tests over time (docs/import.md): the same klacht registered live (the worker firing every
 * expiry on time), registered late through the API (the engine's catch-up), and imported; and where it ends: state,
 * termijn outcomes, history and outbox.
 */
import { DataSource } from 'typeorm';
import type { ImportService } from '../../src/modules/import/import.service';
import type { KlachtenService } from '../../src/modules/klachten/klachten.service';
import { haalWekkersIn } from '../../src/modules/termijnen/achterstand';
import type { TermijnWakeService } from '../../src/modules/termijnen/termijn-wake.service';
import type { TestApp } from './app';
import type { VerschuifbareKlok } from './verschuifbare-klok';

export interface Gebeurtenis {
  type: string;
  at: string;
  data?: Record<string, unknown>;
}

/** What the comparison reads, once the test's app is up (beforeAll). */
export interface ImportVergelijkingBron {
  t: TestApp;
  imports: ImportService;
  klachten: KlachtenService;
  wake: TermijnWakeService;
  sql: <T = Record<string, unknown>>(q: string, p?: unknown[]) => Promise<T[]>;
}

/** `bron` is read at each call; `NU` is the day of the import, by which every termijn of the klachten has passed or ended. */
export function importVergelijking(bron: () => ImportVergelijkingBron, klok: VerschuifbareKlok, NU: Date) {
  const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => bron().sql<T>(q, p);
  /** The worker on time: every wake-up due up to `tot`, each at its own due moment, in due order. */
  async function werkerOpTijd(klachtId: string, tot: Date): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const [r] = await sql<{ naam: string; revision: number; vervalt_op: Date }>(
        `select naam, revision, vervalt_op from termijn
          where klacht_id = $1 and status = 'lopend' and verval_gemeld_op is null and vervalt_op <= $2 order by vervalt_op, naam limit 1`,
        [klachtId, tot],
      );
      if (!r) return;
      if (
        (await bron().wake.verval({ klachtId, termijnNaam: r.naam, revision: r.revision, kind: 'verval' }, new Date(r.vervalt_op))) !==
        'verwerkt'
      )
        return;
    }
  }

  /**
   * The same klacht registered through the API: each event at its moment with the worker on time (`opTijd`), or all of it
   * registered late today with the worker behind (the engine's catch-up, then the sweep's).
   */
  async function live(intake: Record<string, unknown>, events: Gebeurtenis[], opTijd: boolean): Promise<string> {
    klok.zet(opTijd ? new Date(intake.ontvangenOp as string) : NU);
    const k = await bron().klachten.intake(intake as never, 'import-test');
    for (const e of events) {
      if (opTijd) await werkerOpTijd(k.id, new Date(e.at));
      klok.zet(opTijd ? new Date(e.at) : NU);
      await bron().klachten.gebeurtenis(k.id, e as never, 'import-test');
    }
    klok.zet(NU);
    if (opTijd) await werkerOpTijd(k.id, NU);
    else
      await bron()
        .t.app.get(DataSource)
        .transaction((m) => haalWekkersIn(bron().wake, m, [k.id], NU));
    return k.id;
  }

  async function importeer(extern: string, intake: Record<string, unknown>, events: Gebeurtenis[]): Promise<string> {
    klok.zet(NU);
    const regel = JSON.stringify({ extern, intake, gebeurtenissen: events });
    const { id } = await bron().imports.maak(regel + '\n', { naam: `${extern}.ndjson`, actor: 'import-test', scope: 'GM0363' });
    expect(await bron().imports.verwerk(id)).toMatchObject({ status: 'klaar', totaal: 1, geimporteerd: 1, fout: 0 });
    const [r] = await sql<{ klacht_id: string }>(`select klacht_id from klacht_import_regel where import_id = $1`, [id]);
    return r.klacht_id;
  }

  /** Where a klacht stands: its state, termijnen, history and outbox, without its ids, subject and the moment of writing. */
  async function beeld(id: string) {
    const [klacht] = await sql(`select state, done, eerste_vervalt_op, definitie_versie from klacht where id = $1`, [id]);
    const termijnen = await sql(
      `select naam, status, vervaldatum, vervalt_op, revision, verval_gemeld_op is not null as gevuurd, escalatie_naar
         from termijn where klacht_id = $1 order by naam`,
      [id],
    );
    const historie = (
      await sql<{ type: string; at: Date; accepted: boolean; payload: Record<string, unknown> }>(
        `select type, at, accepted, payload from klacht_gebeurtenis where klacht_id = $1 order by id`,
        [id],
      )
    ).map((h) => `${h.type} ${new Date(h.at).toISOString()} ${h.accepted} ${JSON.stringify({ ...h.payload, onderwerp: undefined })}`);
    const outbox = (
      await sql<{ type: string; payload: Record<string, unknown> }>(`select type, payload from outbox where klacht_id = $1 order by id`, [
        id,
      ])
    ).map((o) => [o.type, o.payload.naam ?? o.payload.termijn ?? null, o.payload.naar ?? null, o.payload.at ?? null].join(' '));
    return { klacht, termijnen, historie, outbox };
  }
  return { live, importeer, beeld };
}

export const aanbiederKlacht = (gemeente: string, ontvangenOp: string) => ({
  gemeente,
  kanaal: 'brief',
  ontvangenOp,
  ingediendBij: 'aanbieder',
  soort: 'klacht',
  onderwerp: 'Hulp bij het huishouden kwam niet',
  aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
  feiten: { aantalAanbieders: 1 },
});
