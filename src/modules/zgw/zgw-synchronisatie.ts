import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { ZgwGemeenteConfig } from '../../config/zgw-config';
import {
  gewensteStatussen,
  gewensteZaakGegevens,
  laadKoppeling,
  zaaktypeMet,
  zaaktypenVan,
  type AfhandeltermijnVoorZaak,
  type GewensteStatus,
  type GewensteZaakGegevens,
  type KlachtVoorZaak,
  type StatusInRegister,
  type ZgwKoppeling,
} from '../../zgw-mapping';
import { REGISTRATIE_EVENT } from '../engine/engine.service';
import { versiesPerRij } from '../versiemigratie/versie-van-stap';
import { KlachtGebeurtenisEntity } from '../klachten/klacht-gebeurtenis.entity';
import { KlachtEntity } from '../klachten/klacht.entity';
import { dagVan } from '../termijnen/termijn-tijd';
import { TermijnEntity } from '../termijnen/termijn.entity';
import { ZgwClient, ZgwFout, type Json } from './zgw-client';

/** What one synchronisation changed in the register (for logs and `zgw reconcile`). */
export interface ZgwWijziging {
  soort: 'zaak' | 'zaak-gevonden' | 'einddatum' | 'verlenging' | 'verantwoordelijke' | 'rol' | 'document' | 'status' | 'resultaat';
  tekst: string;
}

export interface SynchronisatieUitkomst {
  zaakUrl: string | null;
  wijzigingen: ZgwWijziging[];
  /** Set when the klacht has no (valid) koppeling: nothing could be delivered (the delivery is vastgelopen). */
  overgeslagen?: string;
}

/**
 * Documents to add to the zaak besides the klaagschrift: the hook for the letters module
 * (src/modules/brieven). It provides `ZGW_DOCUMENT_BRONNEN` (an array of bronnen) from a @Global
 * module, or ZgwModule imports its module; each letter then becomes an enkelvoudiginformatieobject
 * linked to the zaak, exactly once per `identificatie` (unique per bronorganisatie, Documenten API),
 * the same way as the klaagschrift below (issue 16: "letters, when they exist, as documents"). A new
 * letter must also mark the klacht's zaak as due (ZgwAfleveringService.markeer, e.g. from an outbox row).
 */
export interface ZgwDocumentBron {
  documenten(
    m: EntityManager,
    klachtId: string,
  ): Promise<{ identificatie: string; titel: string; informatieobjecttype: string; inhoud: Buffer; bestandsnaam: string }[]>;
}
export const ZGW_DOCUMENT_BRONNEN = Symbol('ZGW_DOCUMENT_BRONNEN');

export interface Catalogus {
  zaaktype: Json;
  /** Identificatie and version of the zaaktype, for messages. */
  naam: string;
  statustypen: Map<string, string>;
  /** The statustypen (URLs) that close a zaak of this zaaktype (Catalogi API 1.3.1 `isEindstatus`). */
  eindstatustypen: Set<string>;
  resultaattypen: Map<string, string>;
  roltypen: Map<string, string>;
  informatieobjecttypen: Map<string, string>;
}

const zelfdeMoment = (a: unknown, b: string) => typeof a === 'string' && new Date(a).getTime() === new Date(b).getTime();

/**
 * Brings the zaak of one klacht in line with Klachtregie (src/zgw-mapping/gewenst.ts): it reads what
 * the register holds and adds only what is missing, so a retried or repeated run never creates
 * anything twice; the same run is `zgw reconcile`. The caller serialises runs per klacht.
 */
/**
 * The catalogus lookups of a gemeente, kept for a few minutes: the zaaktype and its types change
 * rarely (a new version is published), and every delivery would otherwise read them again.
 */
export class CatalogusCache {
  private readonly items = new Map<string, { catalogus: Catalogus; tot: number }>();
  constructor(private readonly ttlMs = 5 * 60_000) {}
  get(sleutel: string): Catalogus | undefined {
    const i = this.items.get(sleutel);
    return i && i.tot > Date.now() ? i.catalogus : undefined;
  }
  zet(sleutel: string, catalogus: Catalogus): void {
    this.items.set(sleutel, { catalogus, tot: Date.now() + this.ttlMs });
  }
  vergeet(sleutel: string): void {
    this.items.delete(sleutel);
  }
}

export class ZgwSynchronisatie {
  /**
   * `verantwoordelijke`: the RSIN of the gemeente that handles the klacht today, the zaak's verantwoordelijkeOrganisatie
   * (Zaken API 1.5.1: "eindverantwoordelijk voor de behandeling"). After a herindeling the successor's (Wet arhi art. 40),
   * also for a zaak in the dissolved gemeente's register; none: this register's gemeente.
   */
  constructor(
    private readonly client: ZgwClient,
    private readonly definitionsDir: string,
    private readonly documentBronnen: ZgwDocumentBron[] = [],
    private readonly cache = new CatalogusCache(0),
    private readonly verantwoordelijke?: string,
  ) {}

  private get cfg(): ZgwGemeenteConfig {
    return this.client.cfg;
  }

  /** The zaak's verantwoordelijkeOrganisatie (see the constructor). */
  private get verantwoordelijkeRsin(): string {
    return this.verantwoordelijke ?? this.cfg.rsin;
  }

  koppelingVan(klacht: Pick<KlachtEntity, 'definitieId' | 'definitieVersie'>): ZgwKoppeling | string {
    const file = join(this.definitionsDir, klacht.definitieId, 'zgw', `${klacht.definitieVersie}.yaml`);
    const g = laadKoppeling(file);
    if (!g) return `geen zgw-koppeling voor ${klacht.definitieId} versie ${klacht.definitieVersie} (${file})`;
    if (!g.koppeling) return `zgw-koppeling ${file} is ongeldig: ${g.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`;
    return g.koppeling;
  }

  /**
   * The klacht, its history and its afhandeltermijn as gewensteZaak reads them (what the zaak should look like now; which
   * statuses, also by what the register already holds: `StatusInRegister`).
   */
  private async klachtVoorZaak(
    m: EntityManager,
    klacht: KlachtEntity,
    k: ZgwKoppeling,
  ): Promise<{ voorZaak: KlachtVoorZaak; termijn?: AfhandeltermijnVoorZaak }> {
    // The accepted history, and the wake-ups a late act of a termijn's last day undid (payload.herroepen): their status may
    // already stand in the register, which only adds statuses (Zaken API), so the act's status must come after it
    // (statusMoment) for the zaak to be open again, as the klacht is; one the register never got is not sent (gewensteZaak).
    // Steps only: a registration change (PATCH .../registratie) is no step, and its row's naar_state is the state the
    // klacht had when it was recorded, which a later undoing may have made one the klacht never was in (the closure of a
    // wake-up a late act of the last day undid): as a status it would close the zaak on the change's day.
    const geschiedenis = await m
      .createQueryBuilder(KlachtGebeurtenisEntity, 'g')
      .where(`g.klachtId = :id AND (g.accepted OR g.payload->'herroepen' IS NOT NULL) AND g.type <> :registratie`, {
        id: klacht.id,
        registratie: REGISTRATIE_EVENT,
      })
      .orderBy('g.id', 'ASC')
      .getMany();
    // The version each step was taken on, by the rule the letters use too (versie-van-stap.ts): a history row carries no
    // version of its own (its payload is the event's data), so the migrations registered after it decide.
    const versies = versiesPerRij(geschiedenis, klacht.definitieVersie);
    // A step taken on an earlier version (before a migration) by that version's koppeling; without a (valid) one, by the
    // koppeling of the klacht's version now.
    const eerdere = new Map<string, ZgwKoppeling | undefined>();
    const koppelingOp = (versie: string): ZgwKoppeling | undefined => {
      if (versie === klacht.definitieVersie) return undefined;
      if (!eerdere.has(versie)) {
        const e = this.koppelingVan({ definitieId: klacht.definitieId, definitieVersie: versie });
        eerdere.set(versie, typeof e === 'string' ? undefined : e);
      }
      return eerdere.get(versie);
    };
    const termijnen = (await m.find(TermijnEntity, { where: { klachtId: klacht.id }, order: { createdAt: 'ASC' } })).filter((t) =>
      k.afhandeltermijnen.includes(t.naam),
    );
    // The afhandeltermijn of the route the klacht is on: the latest one started.
    const t = termijnen[termijnen.length - 1];
    const termijn: AfhandeltermijnVoorZaak | undefined = t
      ? {
          vervaldatum: t.vervaldatum,
          grondslag: t.grondslag,
          verdagingen: t.mutaties.filter((x) => x.soort === 'verdaging').map((x) => ({ duur: x.duur, reden: x.reden })),
        }
      : undefined;
    return {
      voorZaak: {
        id: klacht.id,
        onderwerp: klacht.onderwerp,
        kanaal: klacht.kanaal,
        state: klacht.state,
        oordeel: klacht.oordeel,
        afdoening: klacht.afdoening,
        ontvangstdag: dagVan(klacht.ontvangenOp),
        registratiedag: dagVan(klacht.createdAt),
        geschiedenis: geschiedenis.map((g, i) => {
          const eerder = koppelingOp(versies[i]);
          return {
            naarState: g.naarState,
            at: g.at,
            geregistreerdOp: g.recordedAt,
            ...(g.accepted ? {} : { herroepen: true }),
            ...(eerder ? { koppeling: eerder } : {}),
          };
        }),
      },
      termijn,
    };
  }

  private cacheSleutel(zaaktype: string): string {
    return `${this.cfg.gemeente}|${this.cfg.catalogiApi}|${this.cfg.catalogus ?? ''}|${zaaktype}`;
  }

  /**
   * The types of a new zaak: those of the zaaktype in force with this identificatie (published, the newest version).
   * Kept for a few minutes; a failed run forgets it, so a version published meanwhile is seen on the retry.
   */
  private async laadCatalogus(identificatie: string): Promise<Catalogus> {
    const bewaard = this.cache.get(this.cacheSleutel(identificatie));
    if (bewaard) return bewaard;
    const query: Record<string, string> = { identificatie, ...(this.cfg.catalogus ? { catalogus: this.cfg.catalogus } : {}) };
    const zaaktype = zaaktypeMet({ zaaktypen: await this.client.lijst('catalogi', '/zaaktypen', query) }, identificatie);
    if (!zaaktype) throw new ZgwFout(`zaaktype ${identificatie} staat niet (gepubliceerd) in de catalogus van ${this.cfg.gemeente}`, null);
    const catalogus = await this.typenVan(zaaktype);
    this.cache.zet(this.cacheSleutel(identificatie), catalogus);
    return catalogus;
  }

  /**
   * The types of an existing zaak: those of its own zaaktype (its `zaaktype` URL), not of the newest version with that
   * identificatie: a zaak keeps the zaaktype version it was made with, and a register accepts only that version's
   * statustypen, roltypen and resultaattypen (Zaken API 1.5.1 status_create, rol_create, resultaat_create). A published
   * version does not change, so it may be kept.
   */
  private async laadCatalogusVan(zaaktypeUrl: string): Promise<Catalogus> {
    const bewaard = this.cache.get(this.cacheSleutel(zaaktypeUrl));
    if (bewaard) return bewaard;
    const catalogus = await this.typenVan(await this.client.get(zaaktypeUrl));
    this.cache.zet(this.cacheSleutel(zaaktypeUrl), catalogus);
    return catalogus;
  }

  private async typenVan(zaaktype: Json): Promise<Catalogus> {
    const perOmschrijving = (lijst: Json[]) => new Map(lijst.map((x) => [String(x.omschrijving), String(x.url)]));
    const zt = { zaaktype: String(zaaktype.url) };
    const statustypen = await this.client.lijst('catalogi', '/statustypen', zt);
    // isEindstatus is derived from the highest volgnummer (Catalogi API 1.3.1); derived here too if a register leaves it out.
    const hoogste = Math.max(...statustypen.map((s) => Number(s.volgnummer)));
    const eind = statustypen.some((s) => typeof s.isEindstatus === 'boolean')
      ? statustypen.filter((s) => s.isEindstatus === true)
      : statustypen.filter((s) => Number(s.volgnummer) === hoogste);
    return {
      zaaktype,
      naam: `${String(zaaktype.identificatie)} (versie ${String(zaaktype.versiedatum ?? '?')})`,
      statustypen: perOmschrijving(statustypen),
      eindstatustypen: new Set(eind.map((s) => String(s.url))),
      resultaattypen: perOmschrijving(await this.client.lijst('catalogi', '/resultaattypen', zt)),
      roltypen: perOmschrijving(await this.client.lijst('catalogi', '/roltypen', zt)),
      informatieobjecttypen: perOmschrijving(
        await this.client.lijst('catalogi', '/informatieobjecttypen', { catalogus: String(zaaktype.catalogus) }),
      ),
    };
  }

  private static uit(cat: Catalogus, soort: 'statustypen' | 'resultaattypen' | 'roltypen' | 'informatieobjecttypen', naam: string): string {
    const url = cat[soort].get(naam);
    // A name the catalogus does not know: `klachtregie validate --zgw-catalogus` reports it with its position.
    if (!url)
      throw new ZgwFout(
        `${soort.slice(0, -1)} '${naam}' staat niet in zaaktype ${cat.naam} van de catalogus (controleer de koppeling met klachtregie validate --zgw-catalogus)`,
        null,
      );
    return url;
  }

  /**
   * The zaak with this identificatie made by this gemeente (bronorganisatie) in this register, if any: how a run finds a
   * zaak whose create answer was lost (identificatie is unique per bronorganisatie, Zaken API 1.5.1 zaak_create).
   */
  async zoekZaak(identificatie: string): Promise<Json | undefined> {
    return (await this.client.lijst('zaken', '/zaken', { identificatie, bronorganisatie: this.cfg.rsin }))[0];
  }

  /**
   * One run for one klacht. `zaakUrl` is the URL recorded earlier (null: none yet). Progress is reported
   * through `onZaak` as soon as the zaak is known, so a failure later in the run keeps it. `anderen`: the other registers
   * configured for the klacht's gemeente and its opvolgers (after a herindeling, the dissolved gemeente's), searched
   * before a zaak is made here; a zaak found in one of them is adopted and brought up to date there.
   */
  async synchroniseer(
    m: EntityManager,
    klacht: KlachtEntity,
    zaakUrl: string | null,
    onZaak: (url: string) => void,
    anderen: ZgwSynchronisatie[] = [],
  ): Promise<SynchronisatieUitkomst> {
    const k = this.koppelingVan(klacht);
    if (typeof k === 'string') return { zaakUrl, wijzigingen: [], overgeslagen: k };
    try {
      return await this.breng(m, klacht, k, zaakUrl, onZaak, anderen);
    } catch (e) {
      // The catalogus may have changed (a new zaaktype version): the retry reads it again.
      for (const z of zaaktypenVan(k)) this.cache.vergeet(this.cacheSleutel(z));
      throw e;
    }
  }

  private async breng(
    m: EntityManager,
    klacht: KlachtEntity,
    k: ZgwKoppeling,
    zaakUrl: string | null,
    onZaak: (url: string) => void,
    anderen: ZgwSynchronisatie[],
  ): Promise<SynchronisatieUitkomst> {
    const { voorZaak, termijn } = await this.klachtVoorZaak(m, klacht, k);
    // The zaak's data now; its statuses once the register's are read (step 5).
    const gewenst = gewensteZaakGegevens(k, voorZaak, termijn);
    const wijzigingen: ZgwWijziging[] = [];

    // 1. The zaak: the recorded URL, else the one with our identificatie (a create whose answer was lost), else a new one.
    let zaak: Json | undefined;
    if (zaakUrl) zaak = await this.client.get(zaakUrl);
    if (!zaak) {
      zaak = await this.zoekZaak(gewenst.identificatie);
      if (zaak) wijzigingen.push({ soort: 'zaak-gevonden', tekst: `zaak ${gewenst.identificatie} bestond al: ${String(zaak.url)}` });
    }
    // After a herindeling the lost create may have reached the dissolved gemeente's register (still configured): the zaak
    // stays there, as a recorded one does (Wet arhi art. 40), instead of a second one here. A register that does not
    // answer fails the run (retried with backoff): no create while a duplicate cannot be ruled out.
    if (!zaak)
      for (const a of anderen) {
        const daar = await a.zoekZaak(gewenst.identificatie);
        if (!daar) continue;
        const r = await a.synchroniseer(m, klacht, String(daar.url), onZaak);
        const gevonden: ZgwWijziging = {
          soort: 'zaak-gevonden',
          tekst: `zaak ${gewenst.identificatie} bestond al in het register van ${a.cfg.gemeente}: ${String(daar.url)}`,
        };
        return { ...r, wijzigingen: [gevonden, ...r.wijzigingen] };
      }
    // The types of an existing zaak are those of its own zaaktype (version), whatever the catalogus or koppeling names now.
    const cat = zaak ? await this.laadCatalogusVan(String(zaak.zaaktype)) : await this.laadCatalogus(gewenst.zaaktype);
    if (!zaak) {
      zaak = await this.client.post('zaken', '/zaken', {
        identificatie: gewenst.identificatie,
        bronorganisatie: this.cfg.rsin,
        verantwoordelijkeOrganisatie: this.verantwoordelijkeRsin,
        zaaktype: cat.zaaktype.url,
        omschrijving: gewenst.omschrijving,
        registratiedatum: gewenst.registratiedatum,
        startdatum: gewenst.startdatum,
        vertrouwelijkheidaanduiding: gewenst.vertrouwelijkheidaanduiding,
        ...(gewenst.uiterlijkeEinddatumAfdoening ? { uiterlijkeEinddatumAfdoening: gewenst.uiterlijkeEinddatumAfdoening } : {}),
        ...(gewenst.verlenging ? { verlenging: gewenst.verlenging } : {}),
        kenmerken: [{ kenmerk: klacht.id, bron: 'Klachtregie' }],
      });
      wijzigingen.push({ soort: 'zaak', tekst: `zaak ${gewenst.identificatie} aangemaakt: ${String(zaak.url)}` });
    }
    const url = String(zaak.url);
    onZaak(url);

    // 2. Termijn: uiterlijkeEinddatumAfdoening follows the afhandeltermijn (Awb 9:11), verdaging is a verlenging.
    const patch: Json = {};
    if (gewenst.uiterlijkeEinddatumAfdoening && zaak.uiterlijkeEinddatumAfdoening !== gewenst.uiterlijkeEinddatumAfdoening) {
      patch.uiterlijkeEinddatumAfdoening = gewenst.uiterlijkeEinddatumAfdoening;
      wijzigingen.push({
        soort: 'einddatum',
        tekst: `uiterlijkeEinddatumAfdoening ${String(zaak.uiterlijkeEinddatumAfdoening ?? '(leeg)')} -> ${gewenst.uiterlijkeEinddatumAfdoening}`,
      });
    }
    const v = zaak.verlenging as { reden?: string; duur?: string } | null | undefined;
    if (gewenst.verlenging && (v?.duur !== gewenst.verlenging.duur || v?.reden !== gewenst.verlenging.reden)) {
      patch.verlenging = gewenst.verlenging;
      wijzigingen.push({ soort: 'verlenging', tekst: `verlenging ${gewenst.verlenging.duur}: ${gewenst.verlenging.reden}` });
    }
    // After a herindeling the successor handles the klacht (Wet arhi art. 40): an open zaak made by the dissolved gemeente
    // (bronorganisatie, which stays) names it as verantwoordelijkeOrganisatie. A zaak closed before is left as it was
    // handled (and a closed zaak changes only with the scope zaken.geforceerd-bijwerken).
    if (!zaak.einddatum && zaak.verantwoordelijkeOrganisatie !== this.verantwoordelijkeRsin) {
      patch.verantwoordelijkeOrganisatie = this.verantwoordelijkeRsin;
      wijzigingen.push({
        soort: 'verantwoordelijke',
        tekst: `verantwoordelijkeOrganisatie ${String(zaak.verantwoordelijkeOrganisatie ?? '(leeg)')} -> ${this.verantwoordelijkeRsin}`,
      });
    }
    if (Object.keys(patch).length) await this.client.patch(url, patch);

    // 3. Rollen: the klager (no personal data: AVG art. 5 lid 1 sub c, the gemeente's KCC holds those) and the behandelaar.
    const rollen = await this.client.lijst('zaken', '/rollen', { zaak: url });
    const klagerType = ZgwSynchronisatie.uit(cat, 'roltypen', k.roltypen.klager);
    if (!rollen.some((r) => r.roltype === klagerType)) {
      await this.client.post('zaken', '/rollen', {
        zaak: url,
        roltype: klagerType,
        betrokkeneType: 'natuurlijk_persoon',
        roltoelichting: `Klager (klacht ${klacht.id} in Klachtregie)`,
      });
      wijzigingen.push({ soort: 'rol', tekst: `rol ${k.roltypen.klager}` });
    }
    const behandelaarType = ZgwSynchronisatie.uit(cat, 'roltypen', k.roltypen.behandelaar);
    if (!rollen.some((r) => r.roltype === behandelaarType)) {
      await this.client.post('zaken', '/rollen', {
        zaak: url,
        roltype: behandelaarType,
        betrokkeneType: 'organisatorische_eenheid',
        roltoelichting: k.behandelaar.naam,
        betrokkeneIdentificatie: { identificatie: k.behandelaar.identificatie, naam: k.behandelaar.naam },
      });
      wijzigingen.push({ soort: 'rol', tekst: `rol ${k.roltypen.behandelaar}: ${k.behandelaar.naam}` });
    }

    // 4. Documents: the klaagschrift (and letters, through ZgwDocumentBron), each once per identificatie.
    const klaagschrift = {
      identificatie: gewenst.identificatie,
      titel: `Klaagschrift: ${gewenst.omschrijving}`.slice(0, 200),
      informatieobjecttype: ZgwSynchronisatie.uit(cat, 'informatieobjecttypen', k.informatieobjecttypen.klaagschrift),
      inhoud: Buffer.from(this.klaagschriftTekst(klacht), 'utf8'),
      bestandsnaam: `klaagschrift-${klacht.id}.txt`,
    };
    const extra = (await Promise.all(this.documentBronnen.map((b) => b.documenten(m, klacht.id)))).flat();
    const zios = await this.client.lijst('zaken', '/zaakinformatieobjecten', { zaak: url });
    for (const doc of [klaagschrift, ...extra]) {
      const bestaand = await this.client.lijst('documenten', '/enkelvoudiginformatieobjecten', {
        identificatie: doc.identificatie,
        bronorganisatie: this.cfg.rsin,
      });
      const eio =
        bestaand[0] ??
        (await this.client.post('documenten', '/enkelvoudiginformatieobjecten', {
          identificatie: doc.identificatie,
          bronorganisatie: this.cfg.rsin,
          creatiedatum: gewenst.registratiedatum,
          titel: doc.titel,
          auteur: 'Klachtregie',
          taal: 'nld',
          formaat: 'text/plain',
          bestandsnaam: doc.bestandsnaam,
          inhoud: doc.inhoud.toString('base64'),
          vertrouwelijkheidaanduiding: gewenst.vertrouwelijkheidaanduiding,
          // Zaken API 1.5.1 status_create refuses the eindstatus while a document of the zaak has indicatieGebruiksrecht
          // null ("nog niet bekend"): no restrictions on use beyond consultation are known to Klachtregie.
          indicatieGebruiksrecht: false,
          informatieobjecttype: doc.informatieobjecttype,
        }));
      if (eio.indicatieGebruiksrecht === null || eio.indicatieGebruiksrecht === undefined) {
        await this.zetGebruiksrecht(String(eio.url));
        wijzigingen.push({ soort: 'document', tekst: `indicatieGebruiksrecht van ${doc.titel}: nee` });
      }
      if (!zios.some((z) => z.informatieobject === eio.url)) {
        await this.client.post('zaken', '/zaakinformatieobjecten', { zaak: url, informatieobject: eio.url, titel: doc.titel });
        wijzigingen.push({ soort: 'document', tekst: `document ${doc.titel}` });
      }
    }

    // 5. Statuses in the order the klacht passed its steps; one already there (same type, same moment) is not set again.
    // The resultaat comes with the eindstatus, just before it (a register closes a zaak only with one): not earlier, as
    // its resultaattype may not change afterwards (Zaken API 1.5.1 resultaat_partial_update) while how the klacht ends
    // (oordeel, afwikkeling, eindstap) is known only then.
    const statussen = await this.client.lijst('zaken', '/statussen', { zaak: url });
    // An undone wake-up's status only when the register already has it (gewensteZaak): the statuses are wanted as they
    // follow on what the register holds.
    const inRegister: StatusInRegister = (st, moment) =>
      statussen.some((x) => x.statustype === cat.statustypen.get(st) && zelfdeMoment(x.datumStatusGezet, moment));
    const gewenstStatussen = gewensteStatussen(k, voorZaak, inRegister);
    const laatste = gewenstStatussen[gewenstStatussen.length - 1];
    let laatsteGezet = false;
    for (const s of gewenstStatussen) {
      const statustype = ZgwSynchronisatie.uit(cat, 'statustypen', s.statustype);
      if (statussen.some((x) => x.statustype === statustype && zelfdeMoment(x.datumStatusGezet, s.datumStatusGezet))) continue;
      if (cat.eindstatustypen.has(statustype)) {
        await this.zetResultaat(url, klacht, s, gewenst, cat, wijzigingen);
        laatsteGezet ||= s === laatste;
      }
      const nieuw = await this.client.post('zaken', '/statussen', {
        zaak: url,
        statustype,
        datumStatusGezet: s.datumStatusGezet,
        statustoelichting: `stap ${s.stap}`.slice(0, 1000),
      });
      statussen.push(nieuw);
      wijzigingen.push({ soort: 'status', tekst: `status ${s.statustype} (${s.datumStatusGezet})` });
    }
    // A closed zaak whose resultaat no longer matches the klacht (a registratie changed after the afdoening): repaired
    // (not when this run has just set it with the eindstatus).
    if (!laatsteGezet && laatste && cat.eindstatustypen.has(ZgwSynchronisatie.uit(cat, 'statustypen', laatste.statustype)))
      await this.zetResultaat(url, klacht, laatste, gewenst, cat, wijzigingen);
    return { zaakUrl: url, wijzigingen };
  }

  /**
   * The zaak's resultaat as the klacht ended. Its resultaattype may not change (Zaken API 1.5.1 resultaat_update,
   * resultaat_partial_update) and a zaak has one resultaat: another one replaces it by resultaat_destroy and
   * resultaat_create. On a closed zaak that needs the scope zaken.geforceerd-bijwerken (docs/zgw.md §2).
   */
  private async zetResultaat(
    url: string,
    klacht: KlachtEntity,
    eindstatus: GewensteStatus,
    gewenst: GewensteZaakGegevens,
    cat: Catalogus,
    wijzigingen: ZgwWijziging[],
  ): Promise<void> {
    // Never an eindstatus without a resultaat (a register refuses it): a koppeling that gives none is a configuration
    // error no retry cures, so the delivery stops here with the reason (vastgelopen) instead of sending it.
    if (!gewenst.resultaat)
      throw new ZgwFout(
        `eindstatus '${eindstatus.statustype}' zonder resultaat: de zgw-koppeling van ${klacht.definitieId} versie ${klacht.definitieVersie} ` +
          `geeft geen resultaattype voor oordeel ${klacht.oordeel ?? '(geen)'}, afwikkeling ${klacht.afdoening ?? '(geen)'}, stap ${klacht.state}; ` +
          `een zaak wordt alleen met een resultaat afgesloten (Zaken API 1.5.1, status_create). Vul resultaten.stap aan ` +
          `(klachtregie validate controleert dat) en zet de aflevering opnieuw in de rij`,
        null,
        undefined,
        true,
      );
    const resultaattype = ZgwSynchronisatie.uit(cat, 'resultaattypen', gewenst.resultaat.resultaattype);
    const bestaand = (await this.client.lijst('zaken', '/resultaten', { zaak: url }))[0];
    if (bestaand?.resultaattype === resultaattype) return;
    if (bestaand) await this.client.verwijder(String(bestaand.url));
    await this.client.post('zaken', '/resultaten', { zaak: url, resultaattype, toelichting: gewenst.resultaat.toelichting });
    wijzigingen.push({
      soort: 'resultaat',
      tekst: `resultaat ${bestaand ? 'gewijzigd in ' : ''}${gewenst.resultaat.resultaattype}`,
    });
  }

  /**
   * A document made before Klachtregie sent indicatieGebruiksrecht (null): set it, as the Documenten API 1.5.0 allows a
   * change (enkelvoudiginformatieobject_partial_update) only under a lock. The unlock always follows, also after a failed
   * PATCH: a locked document blocks the eindstatus too (Zaken API 1.5.1 status_create).
   */
  private async zetGebruiksrecht(url: string): Promise<void> {
    const { lock } = await this.client.verzoek('POST', `${url}/lock`, {});
    try {
      await this.client.patch(url, { indicatieGebruiksrecht: false, lock });
    } finally {
      await this.client.verzoek('POST', `${url}/unlock`, { lock });
    }
  }

  /** The klaagschrift as Klachtregie holds it (its registration; the original stays with the intake). */
  private klaagschriftTekst(k: KlachtEntity): string {
    return [
      `Klacht ${k.id}`,
      `Ontvangen: ${k.ontvangenOp.toISOString()} via ${k.kanaal}, ingediend bij ${k.ingediendBij}`,
      `Onderwerp: ${k.onderwerp ?? '(geen)'}`,
      `Aanbieders: ${k.aanbieders.map((a) => a.naam ?? a.id).join(', ') || '(geen)'}`,
    ].join('\n');
  }
}
