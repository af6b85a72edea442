import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../../common/klok';
import { APP_CONFIG, type AppConfig } from '../../config';
import type { Intent } from '../../machines/contract';
import { sjablonenVoor, type BriefSjabloon } from '../../machines/definition/brief-sjablonen';
import type { DefinitionError } from '../../machines/contract';
import {
  BRIEF_SOORTEN,
  briefDocument,
  briefGegevens,
  briefSoortVoorIntent,
  type BriefTermijn,
  ontbrekendeGegevens,
  renderBriefHtml,
  sjabloonFouten,
  type BriefSoort,
} from '../../machines/definition/brieven';
import { SYSTEEM_GEBEURTENISSEN } from '../../machines/compiler/gebeurtenissen';
import { kalenderdag, leesbareDatum } from '../../machines/termijnen';
import { namensOrgaan } from '../../machines/verantwoordelijke';
import { DossierDocumentEntity } from '../dossier/dossier-document.entity';
import { DossierService } from '../dossier/dossier.service';
import { INTAKE_EVENT } from '../engine/engine.service';
import { gedragenFeiten } from '../engine/stap-feiten';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { IMPORT_BEZIG_ROUTE, IMPORT_KLAAR_ROUTE, IMPORT_SLEUTEL_PREFIX } from '../import/import-bezig';
import { KlachtEntity } from '../klachten/klacht.entity';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import type { OutboxEntity } from '../outbox/outbox.entity';
import { OUTBOX_TYPES, type OutboxHandler } from '../outbox/outbox.types';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { type Historierij, VERSIEWISSELINGEN, versieVanStap } from '../versiemigratie/versie-van-stap';
import { BriefEntity } from './brief.entity';
import { briefPdf } from './brief-pdf';

/** The intent naming `tweedeLijn` instead of the body its step named; the same intent when there is none. */
function metTweedeLijn<T extends { data?: Record<string, unknown> }>(
  intent: T,
  tweedeLijn: { naam: string; soort?: string } | undefined,
): T {
  if (!tweedeLijn) return intent;
  return { ...intent, data: { ...intent.data, tweedeLijn: tweedeLijn.naam, tweedeLijnSoort: tweedeLijn.soort } };
}

/**
 * The acts whose letter states the klager's year for the second line as 'één jaar na deze mededeling' (acties.ts,
 * tweedeLijnData), with how a letter names the act. Awb 9:24 lid 1: that year is the termijn tweedeLijnVerzoek, which
 * Klachtregie runs from the act (tweedeLijnVensterOpenen at the step's `at`). The notice after the afhandeltermijn passed
 * (Awb 9:24 lid 1 sub b) already names its own day and is no letter kind.
 */
const JAAR_NA_HANDELING: Readonly<Record<string, string>> = {
  AFDOENINGSBRIEF: 'de afdoening',
  KENNISGEVING_NIET_BEHANDELEN: 'de beslissing de klacht niet te behandelen',
};

/**
 * The intent of a letter made on a later day than its act, stating the klager's year for the second line as a date.
 * 'Eén jaar na deze mededeling' in a letter dated the next day would mean a year to one day after the termijn
 * tweedeLijnVerzoek Klachtregie keeps (Awb 9:24 lid 1), and the klager who goes on that last day would be judged late
 * (verzoekOmbudsman, binnenTermijn). The letter therefore names the act's day and the termijn's last day, the one the
 * step left with this intent, so the letter and the termijn agree (Awb 9:12 lid 2). The same intent when the letter is
 * made on the act's day or its act states no such year.
 */
function metJaarAlsDatum<T extends { type: string; data?: Record<string, unknown> }>(
  intent: T,
  handelingsdag: string,
  termijnen: readonly BriefTermijn[],
): T {
  const handeling = JAAR_NA_HANDELING[intent.type];
  if (!handeling || typeof intent.data?.tweedeLijnTermijn !== 'string') return intent;
  const jaar = termijnen.find((t) => t.naam === 'tweedeLijnVerzoek');
  const tekst =
    `één jaar na ${handeling} van ${leesbareDatum(handelingsdag)}` +
    (jaar ? `, dus uiterlijk op ${leesbareDatum(jaar.vervaldatum)}` : '') +
    ' (Awb 9:24 lid 1)';
  return { ...intent, data: { ...intent.data, tweedeLijnTermijn: tekst } };
}

/**
 * The termijn whose verdaging the verdagingsbrief announces in the college's name: its own afhandeltermijn (Awb 9:11 lid 1
 * and 2; docs/definities.md, `afhandeling`). Every template says 'Wij stellen de afhandeling uit (Algemene wet
 * bestuursrecht, artikel 9:11 lid 2)', signed on behalf of the college.
 */
const AFHANDELTERMIJN_VAN_HET_COLLEGE = 'afhandeling';

/**
 * Why the college writes no verdagingsbrief for this intent, or undefined when it does. VERDAGEN also moves a termijn of
 * the party that handles the klacht elsewhere: the ketenpartner's (aanbiederAfhandeling, Klachtenprotocol Wmo keten
 * Amsterdam §6; Uitgangspunten klachtenmanagement Sociaal Domein §5A, §11-I) or the zorgaanbieder's (Wkkgz 17 lid 2).
 * That party postponed its own handling and tells the klager itself; a letter of the college saying 'wij stellen de
 * afhandeling uit' under Awb 9:11 lid 2 would tell the klager something untrue, after the kennisgeving of doorzending
 * told him he would hear from them (Awb 2:3).
 */
function verdagingVanEenAnder(intent: Intent, termijnen: unknown): string | undefined {
  if (intent.type !== 'KENNISGEVING_VERDAGING') return undefined;
  const naam = typeof intent.data?.termijn === 'string' ? intent.data.termijn : undefined;
  if (!naam || naam === AFHANDELTERMIJN_VAN_HET_COLLEGE) return undefined;
  const t = Array.isArray(termijnen) ? (termijnen as BriefTermijn[]).find((x) => x.naam === naam) : undefined;
  // The verdaging's own article only when it is not the Awb's (Wkkgz 17 lid 2); 'Awb 9:11 lid 2' and its analogy
  // (termijnSpecs) say less than the termijn's own grondslag, the contract or regeling that sets it.
  const grondslag = intent.grondslag && !intent.grondslag.startsWith('Awb 9:11 lid 2') ? intent.grondslag : t?.grondslag;
  return (
    `verdaging van ${t?.label ?? naam} (${naam}): dat is niet de afhandeltermijn van het college (Awb 9:11) maar de termijn van wie de klacht daar behandelt` +
    `${grondslag ? ` (${grondslag})` : ''}; die doet zelf schriftelijk mededeling van zijn verdaging. Een brief namens het college dat het de afhandeling uitstelt (Awb 9:11 lid 2), zou niet kloppen. ` +
    `Voeg de brief van de aanbieder als document (soort correspondentie) toe aan het dossier`
  );
}

/**
 * The explanation of a termijn as a letter gives it to the klager: the calculation, without the notes for the behandelaar
 * that the decree days of a year (Atw art. 3 lid 3) are not (yet) confirmed and that he should check the Staatsblad before
 * relying on the date (termijnen/kalender.ts, gelijkgesteldeDagenWaarschuwingen; they all begin 'Let op: '). The letter
 * commits the college to its date (Awb 9:6 with 9:11 lid 1: 'Wij handelen uw klacht af uiterlijk op …'); such a decree can
 * only make the statutory end later, never earlier, so the date stands, and a letter telling the klager not to rely on
 * it would not. The termijn itself keeps the notes (the API, the werkvoorraad).
 */
function voorDeKlager(uitleg: readonly string[] | undefined): string[] {
  return (uitleg ?? []).filter((regel) => !regel.startsWith('Let op: '));
}

/** A stable UUID from a name: a retried intent writes the same letter and documents (idempotent). */
export function afgeleideId(naam: string): string {
  const h = createHash('sha256').update(naam).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Makes the letters the outbox asks for. The intent row is written in the engine's transaction, so a
 * letter is never lost: the relay hands it here after commit and again after a crash or a failure
 * (attempts, lastError) until this handler succeeds; `brief.outbox_id` is unique and every id is derived
 * from the outbox row, so a second hand-over changes nothing.
 */
@Injectable()
export class BrievenService implements OutboxHandler, OnModuleInit {
  readonly naam = 'brieven';
  private readonly logger = new Logger(BrievenService.name);
  /**
   * The templates of a version with their check, read once per process: like the definitions themselves
   * (loaded at boot), a published version's letters do not change while the service runs.
   */
  private readonly sjablonen = new Map<string, { sjabloon?: BriefSjabloon; fouten: DefinitionError[] }>();

  constructor(
    private readonly relay: OutboxRelay,
    private readonly dossier: DossierService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  private sjabloon(definitieId: string, versie: string, soort: BriefSoort): { sjabloon?: BriefSjabloon; fouten: DefinitionError[] } {
    const sleutel = `${definitieId}\u0000${versie}\u0000${soort}`;
    let uit = this.sjablonen.get(sleutel);
    if (!uit) {
      const sjabloon = sjablonenVoor(join(this.config.definitionsDir, definitieId), versie)?.sjablonen.get(soort);
      uit = { sjabloon, fouten: sjabloon ? sjabloonFouten(sjabloon.file, sjabloon.bron, soort) : [] };
      this.sjablonen.set(sleutel, uit);
    }
    return uit;
  }

  onModuleInit(): void {
    this.relay.register(this);
  }

  handles(type: string): boolean {
    return type.startsWith(OUTBOX_TYPES.intent) && briefSoortVoorIntent(type.slice(OUTBOX_TYPES.intent.length)) !== undefined;
  }

  /**
   * When a step was registered: PostgreSQL stamps it (the outbox row's `created_at`, the same moment as the history
   * row's `recorded_at`), and nothing was registered after the moment Klachtregie looks at it by its own clock (KLOK),
   * so a replay or a test with a fixed clock judges by that clock.
   */
  private geregistreerdOp(stempel: Date, nu: Date): Date {
    return stempel.getTime() < nu.getTime() ? stempel : nu;
  }

  /**
   * The moment a klacht came into Klachtregie through the bulk import (docs/import.md), or undefined when it did not.
   * The signal is the import's own idempotency key of the klacht's intake (`import:<extern>`, routes `import-bezig` and
   * `import`): no API caller can claim a key with that prefix (IdempotencyInterceptor) and it is kept while the klacht
   * exists, whereas a correlation id alone is whatever a caller sends as X-Correlation-ID. The intake's history row
   * names the extern (correlation id `import.<import id>.<extern>`); the key must name this very klacht.
   */
  private async importVan(klacht: KlachtEntity): Promise<{ op: Date; importId: string; extern: string } | undefined> {
    const [r] = (await this.dataSource.query(
      `SELECT s.created_at AS op, substr(g.correlation_id, 8, 36) AS "importId", substr(g.correlation_id, 45) AS extern
         FROM klacht_gebeurtenis g
         JOIN idempotentie_sleutel s ON s.gemeente = $2 AND s.sleutel = $3 || substr(g.correlation_id, 45)
          AND s.route IN ($4, $5) AND s.resultaat->>'klachtId' = $1::text
        WHERE g.klacht_id = $1::uuid AND g.type = $6 AND left(g.correlation_id, 7) = 'import.'
        LIMIT 1`,
      [klacht.id, klacht.gemeente, IMPORT_SLEUTEL_PREFIX, IMPORT_BEZIG_ROUTE, IMPORT_KLAAR_ROUTE, INTAKE_EVENT],
    )) as Array<{ op: Date; importId: string; extern: string }>;
    return r;
  }

  /**
   * Why Klachtregie makes no letter for this step (kept as a `niet-opgemaakt` letter with this reason, in the dossier),
   * or undefined when it makes one. A letter tells the klager of an act as it is done. A step that happened before
   * Klachtregie knew of it was communicated then, by other means, or not at all: a letter made now with the date of
   * then would pass a reconstruction off as the original (Archiefwet 1995 art. 3: the dossier as it was), and one dated
   * today would be a second mededeling with a later year for the ombudsman than the true one (Awb 9:24 lid 1: the year
   * runs from the mededeling, as the engine's termijn tweedeLijnVerzoek does from the step's `at`).
   */
  private async waaromGeenBrief(row: OutboxEntity, klacht: KlachtEntity, at: string, nu: Date): Promise<string | undefined> {
    const wanneer = Date.parse(at);
    // 1. History from the previous system (docs/import.md): everything that happened before the import brought the klacht
    // in, whether the import wrote it or a termijn of that history passed meanwhile, is the previous system's.
    const imp = await this.importVan(klacht);
    if (imp && wanneer < this.geregistreerdOp(new Date(imp.op), nu).getTime()) {
      return (
        `geïmporteerd: de stap van ${leesbareDatum(kalenderdag(at))} komt uit het vorige systeem (import ${imp.importId}, ${imp.extern}); ` +
        `de brief die toen nodig was, is daar gemaakt en verstuurd, niet door Klachtregie. Voeg hem als document (soort correspondentie) toe aan het dossier`
      );
    }
    // 2. An act registered on a later day than it was done (Europe/Amsterdam). The intake (its `at` is the receipt of the
    // klaagschrift) and a passed termijn (its due moment) are no act done outside Klachtregie: their letters are still
    // owed, and are made now, with today's date (Awb 9:6).
    const event = typeof row.payload.event === 'string' ? row.payload.event : undefined;
    if (!event || SYSTEEM_GEBEURTENISSEN.has(event)) return undefined;
    const gedaan = kalenderdag(at);
    const geregistreerd = kalenderdag(this.geregistreerdOp(row.createdAt, nu).toISOString());
    if (gedaan >= geregistreerd) return undefined;
    return (
      `achteraf geregistreerd: ${event} is gedaan op ${leesbareDatum(gedaan)} en pas op ${leesbareDatum(geregistreerd)} in Klachtregie vastgelegd; ` +
      `de mededeling aan de klager ging toen buiten Klachtregie, en vanaf die mededeling loopt het jaar voor de ombudsman (Awb 9:24 lid 1). ` +
      `Klachtregie maakt geen brief met een datum in het verleden en geen tweede met een nieuwe datum. Voeg de verstuurde brief als document (soort correspondentie) toe aan het dossier`
    );
  }

  /**
   * When the gemeente received the klaagschrift it handles, as the step that asked for this letter knew it: the moment
   * its machine context holds (acties.ts `gemeenteOntvangst`, on entry of the state `gemeente`, from which the
   * afhandeltermijn runs), carried in the outbox row (stap-feiten.ts). That is the intake for a klacht filed with the
   * gemeente; for one that came to the gemeente after the aanbieder had it (KLACHT_BIJ_GEMEENTE, Uitgangspunten
   * klachtenmanagement Sociaal Domein §5A, §11-III; the contract end) it is that later step. Undefined when the klacht
   * had not (yet) been with the gemeente's klachtbehandeling: then the letter names the klacht's own receipt.
   * A row written before the engine carried it: the last accepted step up to the step's `at` that brought the klacht
   * into the state `gemeente`, from the history.
   */
  private async ontvangenBijGemeente(klachtId: string, row: OutboxEntity, at: string): Promise<Date | undefined> {
    const gedragen = gedragenFeiten(row.payload).ontvangenBijGemeente;
    if (gedragen !== undefined) return gedragen === null ? undefined : new Date(gedragen);
    const [r] = (await this.dataSource.query(
      `SELECT "at" FROM klacht_gebeurtenis
        WHERE klacht_id = $1::uuid AND accepted AND "at" <= $2::timestamptz
          AND (naar_state = 'gemeente' OR naar_state LIKE 'gemeente.%')
          AND (van_state IS NULL OR NOT (van_state = 'gemeente' OR van_state LIKE 'gemeente.%'))
        ORDER BY "at" DESC, id DESC
        LIMIT 1`,
      [klachtId, at],
    )) as Array<{ at: Date }>;
    return r?.at;
  }

  /**
   * The version of the klacht's definition the step that asked for this letter was taken on (versie-van-stap.ts): the one
   * the step wrote into its outbox row. The letter is the written mededeling of that step (Awb 9:6, 9:8 lid 3, 9:11 lid 2,
   * 9:12, 2:3), decided under that version's regeling: its template and the bodies it names are that version's, so what
   * a letter says does not depend on when the outbox got to make it, nor on a version migration (VERSIE_GEMIGREERD, or
   * ROUTE_GEMIGREERD onto another version, Awb 9:31) registered meanwhile. A row written before the engine carried it:
   * the migrations registered after the step's own history row (by id: the row written in the step's transaction, at
   * its `now()`, of its event), or when that row cannot be told, after the outbox row's moment.
   */
  private async versieVanStap(klacht: KlachtEntity, row: OutboxEntity): Promise<string> {
    const gedragen = gedragenFeiten(row.payload).definitieVersie;
    // Only a row written before the engine carried the version needs the history.
    const daarna = gedragen ? [] : await this.migratiesNaStap(klacht, row);
    return versieVanStap(gedragen, daarna, klacht.definitieVersie);
  }

  /** The klacht's migrations registered after the step of this outbox row, in the order registered (see versieVanStap). */
  private async migratiesNaStap(klacht: KlachtEntity, row: OutboxEntity): Promise<Historierij[]> {
    return (await this.dataSource.query(
      `WITH stap AS (
         SELECT o.created_at,
                (SELECT max(s.id) FROM klacht_gebeurtenis s
                  WHERE s.klacht_id = o.klacht_id AND s.recorded_at = o.created_at AND s.type = o.payload->>'event') AS id
           FROM outbox o WHERE o.id = $3)
       SELECT g.type, g.payload FROM klacht_gebeurtenis g LEFT JOIN stap ON true
        WHERE g.klacht_id = $1::uuid AND g.type = ANY($2::text[])
          AND CASE WHEN stap.id IS NOT NULL THEN g.id > stap.id ELSE g.recorded_at > coalesce(stap.created_at, $4::timestamptz) END
        ORDER BY g.id`,
      [klacht.id, VERSIEWISSELINGEN, row.id, row.createdAt],
    )) as Historierij[];
  }

  async handle(row: OutboxEntity): Promise<void> {
    const intent = row.payload.intent as Intent | undefined;
    const soort = intent ? briefSoortVoorIntent(intent.type) : undefined;
    if (!intent || !soort || !row.klachtId) return;
    const repo = this.dataSource.getRepository(BriefEntity);
    if (await repo.existsBy({ outboxId: row.id })) return;
    const klacht = await this.dataSource.getRepository(KlachtEntity).findOneBy({ id: row.klachtId });
    // Destroyed or handed over since (retention): nothing left to write to.
    if (!klacht) return;
    const at = typeof row.payload.at === 'string' ? row.payload.at : row.createdAt.toISOString();
    const nu = this.klok.nu();
    // Made before (a crash between its documents and its brief row): its stored HTML and PDF carry that moment and day.
    const eerder = await this.dataSource.getRepository(DossierDocumentEntity).findOneBy({ id: afgeleideId(`brief:${row.id}:html`) });
    const gemaaktOp = eerder?.at ?? nu;
    // A letter bears the day Klachtregie makes it, never an earlier one: a date in the past would present a
    // reconstruction as the original (docs/brieven-en-dossier.md, "Welke datum").
    const datum = kalenderdag(gemaaktOp.toISOString());
    const briefId = afgeleideId(`brief:${row.id}`);
    const basis = {
      id: briefId,
      klachtId: klacht.id,
      gemeente: klacht.gemeente,
      outboxId: row.id,
      soort,
      intent: intent.type,
      aan: intent.naar ?? 'klager',
      grondslag: intent.grondslag ?? null,
      datum,
      at: new Date(at),
      gemaaktOp,
    };
    const geenBrief = (await this.waaromGeenBrief(row, klacht, at, nu)) ?? verdagingVanEenAnder(intent, row.payload.termijnen);
    if (geenBrief) {
      this.logger.log(`Brief ${soort} voor klacht ${klacht.id} niet gemaakt: ${geenBrief}`);
      await repo
        .createQueryBuilder()
        .insert()
        .into(BriefEntity)
        .values({ ...basis, sjabloon: null, status: 'niet-opgemaakt', reden: geenBrief, ontbrekend: [] })
        .orIgnore()
        .execute();
      return;
    }
    // The templates and the regime of the version the step was taken on (a migration since does not rewrite its letter).
    const versie = await this.versieVanStap(klacht, row);
    const { sjabloon, fouten } = this.sjabloon(klacht.definitieId, versie, soort);
    if (!sjabloon || fouten.length) {
      const reden = !sjabloon
        ? `${klacht.definitieId} heeft geen sjabloon voor de ${BRIEF_SOORTEN[soort].naam} (versie ${versie}); schrijf de brief buiten Klachtregie en voeg hem toe aan het dossier`
        : `het sjabloon voldoet niet: ${fouten.map((f) => `${relative(this.config.definitionsDir, f.file)}:${f.line}:${f.column}: ${f.message}`).join('; ')}`;
      this.logger.warn(`Brief ${soort} voor klacht ${klacht.id} niet opgemaakt: ${reden}`);
      await repo
        .createQueryBuilder()
        .insert()
        .into(BriefEntity)
        .values({
          ...basis,
          sjabloon: sjabloon ? relative(this.config.definitionsDir, sjabloon.file) : null,
          status: 'niet-opgemaakt',
          reden,
          ontbrekend: [],
        })
        .orIgnore()
        .execute();
      return;
    }
    // The termijnen as the step that asked for this letter left them (engine.service.ts planStap); a row written before
    // they travelled with the intent reads those running now.
    const termijnen: BriefTermijn[] = Array.isArray(row.payload.termijnen)
      ? (row.payload.termijnen as BriefTermijn[])
      : await this.dataSource
          .getRepository(TermijnEntity)
          .find({ where: { klachtId: klacht.id, status: 'lopend' }, order: { vervaltOp: 'ASC' } });
    const regime = this.regimes.byId(klacht.definitieId, versie);
    // Made on a later day than its step (an intake registered after the day of receipt, a wake-up fired late): the
    // letter speaks for the bestuursorgaan responsible on its own day, the successor after a herindeling (Wet arhi
    // art. 40). The klacht's regime answers, by the one function its steps' intents are named by (regime.ts namens).
    const later = datum !== kalenderdag(at);
    const opvolger = later ? regime?.opvolgerOp?.(datum) : undefined;
    // The second line it names is the one competent on the letter's day too (Awb 9:12 lid 2: the klager is pointed to
    // where he can go now; after a herindeling or a change of ombudsman on 1 January that is not the body of the act's
    // day), asked of the klacht's regime by the same function its steps' intents were given it.
    const tweedeLijn = later && typeof intent.data?.tweedeLijn === 'string' ? regime?.tweedeLijnOp?.(datum) : undefined;
    const brief = metTweedeLijn(namensOrgaan(intent, opvolger), tweedeLijn);
    const gegevens = briefGegevens(
      {
        intent: later ? metJaarAlsDatum(brief, kalenderdag(at), termijnen) : brief,
        // The letter's date (briefGegevens reads it for `datum` only): the day it is made.
        at: gemaaktOp.toISOString(),
        // The act's own moment: the day it was decided (the verdaging's, Awb 9:11 lid 2), whatever day the letter is made.
        stapOp: at,
        gemeenteNaam: regime?.summary.gemeente.naam ?? klacht.gemeente,
        klacht: {
          id: klacht.id,
          // Awb 9:6 with 9:11 lid 1: the receipt of the klaagschrift the gemeente handles, from which its afhandeltermijn runs.
          ontvangenOp: ((await this.ontvangenBijGemeente(klacht.id, row, at)) ?? klacht.ontvangenOp).toISOString(),
          onderwerp: klacht.onderwerp,
          aanbieder: klacht.aanbieders[0]?.naam ?? klacht.aanbieders[0]?.id ?? null,
        },
        termijnen: termijnen.map((t) => ({
          naam: t.naam,
          label: t.label,
          vervaldatum: t.vervaldatum,
          uitleg: voorDeKlager(t.uitleg),
          grondslag: t.grondslag,
        })),
      },
      kalenderdag,
    );
    const titel = `${BRIEF_SOORTEN[soort].titel} (${BRIEF_SOORTEN[soort].grondslag}), aan ${basis.aan}, ${basis.datum}`;
    const html = briefDocument(titel, renderBriefHtml(sjabloon.bron, gegevens));
    const pdf = await briefPdf(html, { titel, gemaaktOp: basis.gemaaktOp });
    const document = (ext: string, mediaType: string, inhoud: Buffer) =>
      this.dossier.bewaar({
        id: afgeleideId(`brief:${row.id}:${ext}`),
        klachtId: klacht.id,
        gemeente: klacht.gemeente,
        soort: 'brief',
        titel: `${soort}-${basis.datum}-${basis.aan}.${ext}`,
        mediaType,
        inhoud,
        door: 'klachtregie',
        briefId,
      });
    await document('html', 'text/html', Buffer.from(html, 'utf8'));
    await document('pdf', 'application/pdf', pdf);
    // The row last: a letter in the list always has its HTML and PDF.
    await repo
      .createQueryBuilder()
      .insert()
      .into(BriefEntity)
      .values({
        ...basis,
        sjabloon: relative(this.config.definitionsDir, sjabloon.file),
        status: 'opgemaakt',
        reden: null,
        ontbrekend: ontbrekendeGegevens(soort as BriefSoort, gegevens),
      })
      .orIgnore()
      .execute();
  }
}
