import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiSleutelEntity } from './api-sleutel.entity';
import { medewerkerSubject } from './medewerker.service';
import type { Rol } from './rol';
import type { Tenant } from './tenant';

/** Keys look like `kr_<prefix>_<secret>`; the prefix finds the row, the hash proves the secret. */
const SLEUTEL_PATROON = /^kr_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function hashSleutel(sleutel: string): string {
  return createHash('sha256').update(sleutel, 'utf8').digest('hex');
}

export interface NieuweSleutel {
  gemeente: string;
  rol: Rol;
  aanbiederId?: string | null;
  /** Aanbieder role only: the gemeente whose id `aanbiederId` is, when not `gemeente` (checked by the caller: one opgeheven into it). */
  aanbiederGemeente?: string | null;
  naam: string;
  /**
   * The person the key is issued to, as that person's OIDC subject (`oidc:<sub>`, medewerkerSubject): one person for the
   * vier-ogenprincipe with that person's other keys and logins. Absent: a key of nobody, which sets no vier-ogen signature.
   */
  medewerker?: string | null;
}

export interface AangemaakteSleutel {
  entity: ApiSleutelEntity;
  /** The key itself: shown once, never stored. */
  sleutel: string;
}

@Injectable()
export class ApiSleutelService {
  constructor(@InjectRepository(ApiSleutelEntity) private readonly repo: Repository<ApiSleutelEntity>) {}

  async maak(input: NieuweSleutel, repo: Repository<ApiSleutelEntity> = this.repo): Promise<AangemaakteSleutel> {
    // docs/adr/0003-tenancy-webhooks-idempotency.md: an aanbieder key is always bound to one aanbieder.
    if ((input.rol === 'aanbieder') !== Boolean(input.aanbiederId)) {
      throw new Error('Een API-sleutel heeft een aanbiederId als en alleen als de rol aanbieder is.');
    }
    if (input.aanbiederGemeente && input.rol !== 'aanbieder') {
      throw new Error('Alleen een aanbieder-sleutel noemt een aanbiederGemeente.');
    }
    const medewerker = input.medewerker ? medewerkerSubject(input.medewerker) : null;
    if (medewerker === undefined) throw new Error('Een medewerker is een sub zonder stuurtekens, hooguit 295 tekens.');
    const prefix = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const sleutel = `kr_${prefix}_${randomBytes(32).toString('base64url')}`;
    const entity = await repo.save(
      repo.create({
        gemeente: input.gemeente,
        rol: input.rol,
        aanbiederId: input.aanbiederId ?? null,
        // Null is the issuing gemeente: one way to say it, so every key of its own aanbieders looks the same.
        aanbiederGemeente: input.aanbiederGemeente && input.aanbiederGemeente !== input.gemeente ? input.aanbiederGemeente : null,
        naam: input.naam,
        medewerker,
        prefix,
        hash: hashSleutel(sleutel),
        revokedAt: null,
      }),
    );
    return { entity, sleutel };
  }

  /** The tenant of a presented key, or undefined when it is unknown, malformed or revoked. */
  async verifieer(sleutel: string): Promise<Tenant | undefined> {
    const m = SLEUTEL_PATROON.exec(sleutel);
    if (!m) return undefined;
    const row = await this.repo.findOne({ where: { prefix: m[1], revokedAt: IsNull() } });
    if (!row) return undefined;
    const a = Buffer.from(hashSleutel(sleutel), 'hex');
    const b = Buffer.from(row.hash, 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
    return {
      gemeente: row.gemeente,
      rol: row.rol,
      ...(row.aanbiederId ? { aanbiederId: row.aanbiederId } : {}),
      ...(row.aanbiederGemeente ? { aanbiederGemeente: row.aanbiederGemeente } : {}),
      subject: `api-sleutel:${row.id}`,
    };
  }

  lijst(gemeente: string): Promise<ApiSleutelEntity[]> {
    return this.repo.find({ where: { gemeente }, order: { createdAt: 'ASC' } });
  }

  /** Revokes a key of the gemeente; false when there is no such key there. */
  async trekIn(gemeente: string, id: string): Promise<boolean> {
    const r = await this.repo.update({ id, gemeente, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (r.affected ?? 0) > 0;
  }
}
