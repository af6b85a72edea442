/**
 * What the zaak of a klacht should look like in the register, derived from Klachtregie's truth (the
 * klacht, its history and its afhandeltermijn) and the koppeling. Pure: the connector compares this
 * with what the register holds and adds what is missing, so a retry, a replay or `zgw reconcile`
 * all converge on the same zaak and never add anything twice.
 */
import { resultaattypeVoor, statustypeVoor, zaaktypeVoor, type ZgwKoppeling } from './koppeling';

export interface KlachtVoorZaak {
  id: string;
  onderwerp: string | null;
  kanaal: string;
  state: string;
  oordeel: string | null;
  afdoening: string | null;
  /** Calendar day of receipt in Europe/Amsterdam (Awb 9:11: the termijn runs from receipt). */
  ontvangstdag: string;
  /** Calendar day the klacht was registered in Klachtregie. */
  registratiedag: string;
  /**
   * Accepted steps in the order they were written: the state each one led to, when it happened, and when it was
   * registered (`klacht_gebeurtenis.recorded_at`). `herroepen`: a wake-up a late act of the termijn's last day undid
   * (payload.herroepen): it never happened, and counts only for a status the register already holds (gewensteZaak).
   * `koppeling`: that of the definition version the klacht was on when it took the step, where it differs from the
   * klacht's version now (a version migration came after it; none: the koppeling of the klacht's version now).
   */
  geschiedenis: { naarState: string; at: Date; geregistreerdOp?: Date; herroepen?: boolean; koppeling?: ZgwKoppeling }[];
}

/** Whether the register already holds a status of this statustype (name in the koppeling) set at this moment. */
export type StatusInRegister = (statustype: string, datumStatusGezet: string) => boolean;

/** The latest afhandeltermijn (koppeling.afhandeltermijnen) with its verdagingen (Awb 9:11 lid 2). */
export interface AfhandeltermijnVoorZaak {
  vervaldatum: string;
  grondslag: string | null;
  verdagingen: { duur?: string; reden?: string }[];
}

export interface GewensteStatus {
  statustype: string;
  datumStatusGezet: string;
  /** The step that set it (toelichting in the register). */
  stap: string;
}

/** The zaak without its statussen (gewensteZaakGegevens): what a run needs before it reads the register's statuses. */
export type GewensteZaakGegevens = Omit<GewensteZaak, 'statussen'>;

export interface GewensteZaak {
  identificatie: string;
  /** Identificatie of the zaaktype in the catalogus (by route: `zaaktypePerRoute`). */
  zaaktype: string;
  omschrijving: string;
  startdatum: string;
  registratiedatum: string;
  vertrouwelijkheidaanduiding: string;
  uiterlijkeEinddatumAfdoening?: string;
  verlenging?: { reden: string; duur: string };
  statussen: GewensteStatus[];
  resultaat?: { resultaattype: string; toelichting: string };
}

/**
 * Zaken API 1.5.1: `identificatie` is unique within the bronorganisatie (max 40 characters). The
 * klacht id makes it findable again after a create whose answer was lost.
 */
export function zaakIdentificatie(klachtId: string): string {
  return `KR-${klachtId}`;
}

/** Days in an ISO 8601 duration of weeks and days (`P4W`, `P28D`, `P1W3D`); undefined for other forms. */
function dagen(duur: string): number | undefined {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?$/.exec(duur);
  if (!m || (!m[1] && !m[2])) return undefined;
  return Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0);
}

/**
 * Zaken API `verlenging`: the total duur of the verdagingen and the reason of the last one. Without a
 * reason in the event, the legal ground of the termijn (e.g. Awb 9:11) is the reason.
 */
export function verlengingVan(t: AfhandeltermijnVoorZaak): { reden: string; duur: string } | undefined {
  const v = t.verdagingen.filter((x) => x.duur);
  if (v.length === 0) return undefined;
  const totaal = v.map((x) => dagen(x.duur!));
  const duur = totaal.every((d) => d !== undefined) ? `P${totaal.reduce((a, b) => a! + b!, 0)}D` : v[v.length - 1].duur!;
  const reden = v[v.length - 1].reden ?? `Verdaagd${t.grondslag ? ` op grond van ${t.grondslag}` : ''}`;
  return { reden: reden.slice(0, 200), duur: v.length === 1 ? v[0].duur! : duur };
}

/**
 * When a status was set. Normally the step's own moment. A step registered late, whose moment lies before the status
 * the register already has as its latest (an act done before a wake-up that closed the klacht, registered after it:
 * the klacht is open again), is set when Klachtregie registered it: the register's current status is its latest
 * `datumStatusGezet` (Zaken API), so the zaak must not keep the wake-up's eindstatus as current while the klacht runs
 * on. This reopens a closed zaak, for which the register may require the scope `zaken.heropenen` (docs/zgw.md).
 */
function statusMoment(g: KlachtVoorZaak['geschiedenis'][number], vorige: GewensteStatus | undefined): string {
  if (!vorige || g.at.getTime() >= Date.parse(vorige.datumStatusGezet)) return g.at.toISOString();
  const na = Date.parse(vorige.datumStatusGezet) + 1000;
  return new Date(Math.max(g.geregistreerdOp?.getTime() ?? na, na)).toISOString();
}

/**
 * The statuses the zaak should have, one per change of statustype (steps within one statustype set no new status), each
 * step by the koppeling of the version the klacht was on when it took it: after a version migration the steps before
 * it keep the statustypen the register already got under the old koppeling (statuses are only added, Zaken API 1.5.1:
 * the same step is not sent again under the new name), the migration itself and the steps after it take the new one.
 *
 * `inRegister`: what the register already holds (none: nothing). A wake-up that a late act of the termijn's last day
 * undid (Awb 9:11 lid 1: the last day counts in full) never happened: its status is wanted only when the register
 * already has it (statuses are only added, Zaken API 1.5.1), so that the act's status comes after it and the zaak is
 * open again as the klacht is. One the register never got is not sent: a zaak closed and reopened in the register
 * that was never closed in truth, on a date it did not end, with a resultaat and the scope zaken.heropenen for it.
 */
export function gewensteStatussen(k: ZgwKoppeling, klacht: KlachtVoorZaak, inRegister: StatusInRegister = () => false): GewensteStatus[] {
  const statussen: GewensteStatus[] = [];
  for (const g of klacht.geschiedenis) {
    const st = statustypeVoor(g.koppeling ?? k, g.naarState);
    if (!st || statussen[statussen.length - 1]?.statustype === st) continue;
    const datumStatusGezet = statusMoment(g, statussen[statussen.length - 1]);
    if (g.herroepen && !inRegister(st, datumStatusGezet)) continue;
    statussen.push({ statustype: st, datumStatusGezet, stap: g.naarState });
  }
  return statussen;
}

/**
 * The zaak without its statussen. Its zaaktype is that of the klacht's first step, by the koppeling of the version the
 * klacht was on then: the zaaktype of a zaak never changes (Zaken API 1.5.1), so a zaak made only after a version
 * migration gets the one it would have had when delivered at once. The rest follows the klacht's version now.
 */
export function gewensteZaakGegevens(k: ZgwKoppeling, klacht: KlachtVoorZaak, termijn?: AfhandeltermijnVoorZaak): GewensteZaakGegevens {
  const resultaattype = resultaattypeVoor(k, klacht);
  const verlenging = termijn ? verlengingVan(termijn) : undefined;
  const eerste = klacht.geschiedenis[0];
  return {
    identificatie: zaakIdentificatie(klacht.id),
    zaaktype: zaaktypeVoor(eerste?.koppeling ?? k, eerste?.naarState),
    omschrijving: (klacht.onderwerp ?? 'Klacht').slice(0, 80),
    startdatum: klacht.ontvangstdag,
    registratiedatum: klacht.registratiedag,
    vertrouwelijkheidaanduiding: k.vertrouwelijkheidaanduiding,
    ...(termijn ? { uiterlijkeEinddatumAfdoening: termijn.vervaldatum } : {}),
    ...(verlenging ? { verlenging } : {}),
    ...(resultaattype
      ? {
          resultaat: {
            resultaattype,
            toelichting: [klacht.oordeel && `oordeel: ${klacht.oordeel}`, klacht.afdoening && `afwikkeling: ${klacht.afdoening}`]
              .filter(Boolean)
              .join('; ')
              .slice(0, 1000),
          },
        }
      : {}),
  };
}

/** The whole zaak: gewensteZaakGegevens with gewensteStatussen. */
export function gewensteZaak(
  k: ZgwKoppeling,
  klacht: KlachtVoorZaak,
  termijn?: AfhandeltermijnVoorZaak,
  inRegister: StatusInRegister = () => false,
): GewensteZaak {
  return { ...gewensteZaakGegevens(k, klacht, termijn), statussen: gewensteStatussen(k, klacht, inRegister) };
}
