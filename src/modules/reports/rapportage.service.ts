import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KLOK, type Klok } from '../../common/klok';
import { gemeenteNaamOp } from '../../machines/verantwoordelijke';
import { ProblemException } from '../../common/problem';
import { rapportageCsv } from './rapportage-csv';
import { jaaroverzichtHtml, rapportageHtml } from './rapportage-html';
import { queryJaaroverzicht, queryRapportage, type Jaaroverzicht, type RapportageCijfers, type RapportageFilter } from './rapportage.repository';
import type { CompiledRegime } from '../../machines/contract';
import { REGIME_BRON, type RegimeBron } from '../engine/regime-bron';
import { dagVan } from '../termijnen/termijn-tijd';
import { STANDAARD_DREMPEL } from './rapportage-planning.service';
import { jaarPeriode, rapportageGemeenten } from './rapportage-gemeenten';
import { ALLE_AANBIEDERS } from './rapportage.entity';

export interface Rapportage {
  /** The gemeente whose report it is (header, CSV name); its klachten may include those of gemeenten opgeheven into it. */
  gemeente: string;
  /** The gemeenten whose klachten it counts (`rapportageGemeenten`: after a herindeling also the dissolved one's). */
  gemeenten: string[];
  periode: { van: string; tot: string };
  filters: { aanbieder?: string; aanbiederGemeente?: string; aard?: string; oorzaak?: string; kanaal?: string };
  drempel: number;
  gegenereerdOp: string;
  /** The instant the figures are as at (te laat "nu", open or ended): on request the moment it is made. */
  peildatum: string;
  cijfers: RapportageCijfers;
}

/** A report the schedule stored at its deadline (`rapportage`), as GET /rapportages/opgeslagen/{id} reads it. */
export interface OpgeslagenRapportage {
  id: string;
  gemeente: string;
  soort: string;
  /** The aanbieder it is about, `*` for the gemeente-wide report. */
  aanbiederId: string;
  /** The gemeente that chose `aanbiederId` (an aanbieder is gemeente + id); null for the gemeente-wide report. */
  aanbiederGemeente: string | null;
  periodeVan: string;
  periodeTot: string;
  deadline: string;
  label: string;
  gegenereerdOp: Date | string;
  /** The moment its figures are as at; null for reports stored before it was recorded (unknown). */
  peildatum: Date | string | null;
  inhoud: unknown;
}

const iso = (d: Date | string): string => new Date(d).toISOString();

/** Reports for one gemeente in JSON, CSV and printable HTML (docs/beheer-en-rapportages.md). */
@Injectable()
export class RapportageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KLOK) private readonly klok: Klok,
    @Inject(REGIME_BRON) private readonly regimes: RegimeBron & { regimes?: CompiledRegime[] },
  ) {}

  /**
   * The gemeente's name for people (the report header says "Amsterdam", not "GM0363"): its own regeling's in force today,
   * by the one lookup the werkvoorraad uses too (gemeenteNaamOp); the code when no definition names it.
   */
  gemeenteNaam(gemeente: string): string {
    const dag = dagVan(this.klok.nu());
    // A purpose-built source (a test's) may not list its regimes: then the regime it serves for the gemeente that day.
    const naam = this.regimes.regimes
      ? gemeenteNaamOp(
          this.regimes.regimes.map((r) => r.summary),
          gemeente,
          dag,
        )
      : this.regimes.forGemeente(gemeente, dag)?.summary.gemeente.naam;
    return naam ?? gemeente;
  }

  /** `gemeente` heads the report; `gemeenten` (klachtGemeenten of the caller) are the klachten it counts. */
  async maak(input: Omit<RapportageFilter, 'drempel' | 'peildatum'> & { gemeente: string; drempel?: number; peildatum?: Date }): Promise<Rapportage> {
    if (input.van > input.tot) {
      throw ProblemException.invalid([{ name: 'tot', reason: `tot (${input.tot}) ligt vóór van (${input.van}); geef de laatste dag van de periode` }]);
    }
    // Te laat is measured at the peildatum (te-laat.ts); by default now, from the one clock.
    const peildatum = input.peildatum ?? this.klok.nu();
    const drempel = input.drempel ?? STANDAARD_DREMPEL;
    const cijfers = await queryRapportage(this.dataSource, { ...input, drempel, peildatum });
    return {
      gemeente: input.gemeente,
      gemeenten: [...input.gemeenten],
      periode: { van: input.van, tot: input.tot },
      filters: { aanbieder: input.aanbieder, aanbiederGemeente: input.aanbieder ? input.aanbiederGemeente : undefined, aard: input.aard, oorzaak: input.oorzaak, kanaal: input.kanaal },
      drempel,
      gegenereerdOp: peildatum.toISOString(),
      peildatum: peildatum.toISOString(),
      cijfers,
    };
  }

  csv(r: Rapportage): string {
    return rapportageCsv(r.cijfers.regels, { gemeente: r.gemeente, van: r.periode.van, tot: r.periode.tot, peildatum: r.peildatum });
  }

  html(r: Rapportage, links: { csv: string; json: string }): string {
    return rapportageHtml(
      { titel: `Klachtenrapportage ${this.gemeenteNaam(r.gemeente)}`, gemeente: this.gemeenteNaam(r.gemeente), gemeenten: r.gemeenten, van: r.periode.van, tot: r.periode.tot, drempel: r.drempel, gegenereerdOp: r.gegenereerdOp, peildatum: r.peildatum, filters: r.filters },
      r.cijfers,
      links,
    );
  }

  /** A stored report's CSV (the periodic report; an Awb 9:12a overview has none): its peildatum in the last column. */
  opgeslagenCsv(o: OpgeslagenRapportage): string {
    const c = o.inhoud as RapportageCijfers;
    return rapportageCsv(c.regels ?? [], { gemeente: o.gemeente, van: o.periodeVan, tot: o.periodeTot, peildatum: o.peildatum ? iso(o.peildatum) : null });
  }

  /** A stored report's printable page, with the moment its figures are as at next to its period. */
  opgeslagenHtml(o: OpgeslagenRapportage, links: { csv: string; json: string }): string {
    const momenten = { peildatum: o.peildatum ? iso(o.peildatum) : null, gegenereerdOp: iso(o.gegenereerdOp), bewaard: true };
    const naam = this.gemeenteNaam(o.gemeente);
    if (o.soort === 'jaarverslag') return jaaroverzichtHtml(o.inhoud as Jaaroverzicht, naam, momenten);
    return rapportageHtml(
      {
        titel: `Klachtenrapportage ${naam}: ${o.label}`,
        gemeente: naam,
        // The gemeenten its period counted (the period's last day decides, Wet arhi art. 40 e.v.), as when it was made.
        gemeenten: rapportageGemeenten(o.gemeente, { tot: o.periodeTot }),
        van: o.periodeVan,
        tot: o.periodeTot,
        drempel: STANDAARD_DREMPEL,
        ...momenten,
        // Whose aanbieder it is, as the report on request says it (aanbiederGemeente): on Amsterdam's moment Weesp's or its own.
        filters: o.aanbiederId === ALLE_AANBIEDERS ? {} : { aanbieder: o.aanbiederId, aanbiederGemeente: o.aanbiederGemeente ?? undefined },
      },
      o.inhoud as RapportageCijfers,
      links,
    );
  }

  /** Awb 9:12a over calendar year `jaar`: `gemeenten` are the klachten counted (`rapportageGemeenten` of that year). */
  jaaroverzicht(gemeente: string, gemeenten: readonly string[], jaar: number): Promise<Jaaroverzicht> {
    return queryJaaroverzicht(this.dataSource, gemeente, gemeenten, jaarPeriode(jaar));
  }

  jaaroverzichtHtml(j: Jaaroverzicht): string {
    return jaaroverzichtHtml(j, this.gemeenteNaam(j.gemeente));
  }
}
