import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DossierInzageEntity } from './dossier-inzage.entity';
import type { Tenant } from './tenant';

/** Writes the access log of dossiers (docs/adr/0003-tenancy-webhooks-idempotency.md: every access to a dossier is logged). */
@Injectable()
export class DossierInzageService {
  constructor(@InjectRepository(DossierInzageEntity) private readonly repo: Repository<DossierInzageEntity>) {}

  async log(tenant: Tenant, klachtId: string): Promise<void> {
    await this.repo.insert({
      gemeente: tenant.gemeente,
      klachtId,
      wie: tenant.subject,
      rol: tenant.rol,
      aanbiederId: tenant.aanbiederId ?? null,
    });
  }

  /** One row per dossier in a list or reply (AVG art. 30, 32: every read of personal data is traceable). */
  async logVeel(tenant: Tenant, klachtIds: readonly string[]): Promise<void> {
    const uniek = [...new Set(klachtIds)];
    if (uniek.length === 0) return;
    await this.repo.insert(
      uniek.map((klachtId) => ({
        gemeente: tenant.gemeente,
        klachtId,
        wie: tenant.subject,
        rol: tenant.rol,
        aanbiederId: tenant.aanbiederId ?? null,
      })),
    );
  }

  /** The reads by the gemeenten the reader answers for: after a herindeling also the dissolved gemeente's (klachtGemeenten). */
  voorKlacht(gemeenten: readonly string[], klachtId: string): Promise<DossierInzageEntity[]> {
    return this.repo.find({ where: { gemeente: In([...gemeenten]), klachtId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
