import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tenant } from './tenant';

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
