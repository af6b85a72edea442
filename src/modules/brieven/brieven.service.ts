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
import { kalenderdag } from '../../machines/termijnen';
import { DossierService } from '../dossier/dossier.service';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { KlachtEntity } from '../klachten/klacht.entity';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import type { OutboxEntity } from '../outbox/outbox.entity';
import { OUTBOX_TYPES, type OutboxHandler } from '../outbox/outbox.types';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { BriefEntity } from './brief.entity';
import { briefPdf } from './brief-pdf';

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
      datum: kalenderdag(at),
      at: new Date(at),
      gemaaktOp: this.klok.nu(),
    };
    const { sjabloon, fouten } = this.sjabloon(klacht.definitieId, klacht.definitieVersie, soort);
    if (!sjabloon || fouten.length) {
      const reden = !sjabloon
        ? `${klacht.definitieId} heeft geen sjabloon voor de ${BRIEF_SOORTEN[soort].naam} (versie ${klacht.definitieVersie}); schrijf de brief buiten Klachtregie en voeg hem toe aan het dossier`
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
    const regime = this.regimes.byId(klacht.definitieId, klacht.definitieVersie);
    const gegevens = briefGegevens(
      {
        intent,
        at,
        gemeenteNaam: regime?.summary.gemeente.naam ?? klacht.gemeente,
        klacht: {
          id: klacht.id,
          ontvangenOp: klacht.ontvangenOp.toISOString(),
          onderwerp: klacht.onderwerp,
          aanbieder: klacht.aanbieders[0]?.naam ?? klacht.aanbieders[0]?.id ?? null,
        },
        termijnen: termijnen.map((t) => ({
          naam: t.naam,
          label: t.label,
          vervaldatum: t.vervaldatum,
          uitleg: t.uitleg,
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
