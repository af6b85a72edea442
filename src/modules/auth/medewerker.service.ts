import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem';
import type { Tenant } from './tenant';

/** A medewerker's `sub` as given to `klachtregie sleutel uitgeven --medewerker`: printable, at most 295 characters. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const SUB_PATROON = /^[^\u0000-\u001f\u007f]{1,295}$/;

/**
 * The person a key is issued to, as stored (api_sleutel.medewerker): `oidc:<sub>`, the subject that person's OIDC login
 * has, so a key and a login of one person are one person. Accepts the sub alone or with its `oidc:` prefix; undefined
 * when it is no sub (empty, control characters, too long).
 */
export function medewerkerSubject(sub: string): string | undefined {
  const kaal = sub.trim().replace(/^oidc:/, '');
  return SUB_PATROON.test(kaal) ? `oidc:${kaal}` : undefined;
}

/**
 * The person (medewerker) behind a subject as Klachtregie records actors, `oidc:<sub>`, or undefined for nobody:
 * - `oidc:<sub>`: an OIDC login is the person its identity provider names (sub);
 * - `api-sleutel:<id>`: the medewerker the key was issued to (api_sleutel.medewerker), nobody for a key issued without
 *   one (a system, an integration, the first start's beheerder key); also after it was revoked, so a decision of the past
 *   is still judged by who made it;
 * - anything else (`klachtregie`, the daily job): nobody.
 */
export async function persoonVan(db: DataSource | EntityManager, subject: string): Promise<string | undefined> {
  if (subject.startsWith('oidc:')) return subject;
  const id = /^api-sleutel:([0-9a-f-]{36})$/i.exec(subject)?.[1];
  if (!id) return undefined;
  const [rij] = (await db.query('select medewerker from api_sleutel where id = $1', [id])) as Array<{ medewerker: string | null }>;
  return rij?.medewerker ?? undefined;
}

/** A vier-ogen step that needs a person: its problem's status at this route, and what the step is, for the message. */
export interface VierOgenStap {
  /** The status when the first signature stands in the way (403 publishing a definition, 409 a vernietigingslijst). */
  status: 403 | 409;
  /** Who set the first signature, e.g. `wie het voorstel deed`. */
  eerste: string;
  /** What the caller tries, e.g. `dit voorstel goedkeuren`. */
  wat: string;
  /** The problem's title when the caller set the first signature itself (the route's own wording). */
  titel?: string;
  /** Who must do it instead, e.g. `een andere beleidsmedewerker`; default `een andere medewerker`. */
  ander?: string;
}

/**
 * The caller as the first person of a vier-ogen decision (who proposes a definition version, who draws up or signs a
 * vernietigingslijst): the person behind its subject (persoonVan). 403 vier-ogen-geen-medewerker when there is none: a
 * key issued without a person could be anyone's, also the second signer's, so its signature proves no second person.
 */
export async function vierOgenPersoon(db: DataSource | EntityManager, tenant: Pick<Tenant, 'subject'>, wat: string): Promise<string> {
  const persoon = await persoonVan(db, tenant.subject);
  if (persoon === undefined)
    throw new ProblemException({
      status: 403,
      code: 'vier-ogen-geen-medewerker',
      title: 'Uw sleutel hoort bij geen medewerker',
      detail: `Vier ogen zijn twee personen: ${wat} kan alleen een medewerker, met een OIDC-login of een API-sleutel die op naam van een medewerker is uitgegeven (klachtregie sleutel uitgeven --medewerker <sub>). Er is niets gewijzigd.`,
    });
  return persoon;
}

/**
 * The vier-ogenprincipe between people, one rule for every decision that takes two (publishing a definition version,
 * Uitgangspunten klachtenmanagement Sociaal Domein §1D; approving a vernietigingslijst, Archiefwet 1995 art. 3 with the
 * Selectielijst gemeenten 2020): the caller sets the second signature after `eerste` (the subject that set the first) only
 * when both are people (persoonVan) and not the same one. Two keys of one person, or a person's key and OIDC login, are one
 * person. Refused with a problem saying why: 403 vier-ogen-geen-medewerker when the caller is nobody (vierOgenPersoon);
 * `stap.status` vier-ogen-geen-medewerker when the first signature was set by nobody (a key without a person, before
 * keys named one: whether the caller is that person cannot be told), and `stap.status` vier-ogen for the same person.
 */
export async function vierOgen(
  db: DataSource | EntityManager,
  eerste: string,
  tenant: Pick<Tenant, 'subject'>,
  stap: VierOgenStap,
): Promise<void> {
  const tweede = await vierOgenPersoon(db, tenant, stap.wat);
  const eerstePersoon = await persoonVan(db, eerste);
  if (eerstePersoon === undefined)
    throw new ProblemException({
      status: stap.status,
      code: 'vier-ogen-geen-medewerker',
      title: 'De eerste handtekening hoort bij geen medewerker',
      detail: `Vier ogen zijn twee personen: ${stap.eerste} (${eerste}) gebruikte een sleutel die op naam van geen medewerker staat, dus niet vast te stellen is of u een ander bent; u kunt ${stap.wat} niet. Er is niets gewijzigd.`,
    });
  if (eerstePersoon === tweede)
    throw new ProblemException({
      status: stap.status,
      code: 'vier-ogen',
      title: stap.titel ?? 'Vier ogen: een andere medewerker nodig',
      detail: `Vier ogen zijn twee personen: u bent ${stap.eerste} (ook met een andere sleutel of login is het dezelfde medewerker), dus ${stap.ander ?? 'een andere medewerker'} moet ${stap.wat}. Er is niets gewijzigd.`,
    });
}

/** How many OIDC users a process remembers the last stored name of (one write per name change, not per request). */
const ONTHOUDEN = 10_000;

/**
 * The names of OIDC users (medewerker.entity.ts). The AuthGuard hands every verified token with a name to
 * `onthoud`; the database is written only when the name is new or changed, so a busy user costs nothing.
 */
@Injectable()
export class MedewerkerService {
  private readonly bekend = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onthoud(tenant: Tenant): Promise<void> {
    if (!tenant.naam || !tenant.subject.startsWith('oidc:')) return;
    if (this.bekend.get(tenant.subject) === tenant.naam) return;
    await this.dataSource.query(
      `insert into medewerker (subject, naam, gemeente) values ($1, $2, $3)
       on conflict (subject) do update set naam = excluded.naam, gemeente = excluded.gemeente, bijgewerkt_op = now()
       where medewerker.naam is distinct from excluded.naam or medewerker.gemeente is distinct from excluded.gemeente`,
      [tenant.subject, tenant.naam, tenant.gemeente],
    );
    if (this.bekend.size >= ONTHOUDEN) this.bekend.delete(this.bekend.keys().next().value as string);
    this.bekend.set(tenant.subject, tenant.naam);
  }

  /** The stored names of these `oidc:<sub>` subjects. */
  async namen(subjects: string[]): Promise<Map<string, string>> {
    const oidc = [...new Set(subjects.filter((s) => s.startsWith('oidc:')))];
    if (!oidc.length) return new Map();
    const rijen: Array<{ subject: string; naam: string }> = await this.dataSource.query(
      `select subject, naam from medewerker where subject = any($1::varchar[])`,
      [oidc],
    );
    return new Map(rijen.map((r) => [r.subject, r.naam]));
  }
}
