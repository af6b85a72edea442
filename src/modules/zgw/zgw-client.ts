import type { ZgwGemeenteConfig } from '../../config/zgw-config';
import type { CatalogusExport } from '../../zgw-mapping';
import { zgwJwt } from './zgw-jwt';

const TIMEOUT_MS = 10_000;
/** A listing never pages on for ever (a register that keeps answering `next`). */
const MAX_PAGINAS = 100;

export type ZgwApi = 'zaken' | 'catalogi' | 'documenten';
export type Json = Record<string, unknown>;

/**
 * A register answered with an error, or did not answer (status null). `blijvend`: retrying cannot help (the koppeling
 * must change first), so the delivery is vastgelopen at once.
 */
export class ZgwFout extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly body?: unknown,
    readonly blijvend = false,
  ) {
    super(message);
    this.name = 'ZgwFout';
  }
}

/**
 * HTTP client for one gemeente's ZGW registers (Zaken API 1.5.1, Catalogi API 1.3.1, Documenten API
 * 1.5.0). Every request carries a fresh ZGW JWT; Zaken API requests carry Accept-Crs and Content-Crs,
 * which that API requires on its zaak operations (WGS84, EPSG:4326).
 */
export class ZgwClient {
  constructor(
    readonly cfg: ZgwGemeenteConfig,
    private readonly nu: () => Date = () => new Date(),
  ) {}

  basis(api: ZgwApi): string {
    return api === 'zaken' ? this.cfg.zakenApi : api === 'catalogi' ? this.cfg.catalogiApi : this.cfg.documentenApi;
  }

  private apiVan(url: string): ZgwApi {
    for (const api of ['zaken', 'catalogi', 'documenten'] as const) if (url.startsWith(this.basis(api) + '/')) return api;
    throw new ZgwFout(`${url} hoort bij geen van de geconfigureerde ZGW API's van ${this.cfg.gemeente}`, null);
  }

  async verzoek(methode: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<Json> {
    const api = this.apiVan(url);
    const headers: Record<string, string> = {
      authorization: `Bearer ${await zgwJwt(this.cfg.clientId, this.cfg.secret, this.nu())}`,
      accept: 'application/json',
    };
    if (api === 'zaken') Object.assign(headers, { 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' });
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, {
        method: methode,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (e) {
      const oorzaak = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new ZgwFout(`${methode} ${url}: geen antwoord (${oorzaak})`, null);
    }
    const tekst = await res.text();
    let json: unknown;
    try {
      json = tekst ? JSON.parse(tekst) : {};
    } catch {
      json = tekst;
    }
    if (!res.ok)
      throw new ZgwFout(
        `${methode} ${url}: HTTP ${res.status} ${typeof json === 'string' ? json.slice(0, 300) : JSON.stringify(json).slice(0, 500)}`,
        res.status,
        json,
      );
    return json as Json;
  }

  get(url: string): Promise<Json> {
    return this.verzoek('GET', url);
  }

  post(api: ZgwApi, pad: string, body: unknown): Promise<Json> {
    return this.verzoek('POST', `${this.basis(api)}${pad}`, body);
  }

  patch(url: string, body: unknown): Promise<Json> {
    return this.verzoek('PATCH', url, body);
  }

  verwijder(url: string): Promise<Json> {
    return this.verzoek('DELETE', url);
  }

  /** Every result of a paginated list (`count`, `next`, `results`), following `next`. */
  async lijst(api: ZgwApi, pad: string, query: Record<string, string> = {}): Promise<Json[]> {
    const qs = new URLSearchParams(query).toString();
    let url: string | null = `${this.basis(api)}${pad}${qs ? `?${qs}` : ''}`;
    const uit: Json[] = [];
    for (let i = 0; url && i < MAX_PAGINAS; i++) {
      const pagina: Json = await this.get(url);
      // The Catalogi API answers some lists unpaginated (a bare array) in some registers.
      if (Array.isArray(pagina)) return pagina as Json[];
      uit.push(...((pagina.results as Json[] | undefined) ?? []));
      url = typeof pagina.next === 'string' && pagina.next ? pagina.next : null;
    }
    return uit;
  }

  /**
   * The gemeente's catalogus as `klachtregie validate --zgw-catalogus` reads it: zaaktypen (of the
   * configured catalogus, else all) with their statustypen, resultaattypen and roltypen, and the
   * informatieobjecttypen.
   */
  async catalogusExport(): Promise<CatalogusExport> {
    const opCatalogus: Record<string, string> = this.cfg.catalogus ? { catalogus: this.cfg.catalogus } : {};
    return {
      bron: this.cfg.catalogiApi,
      zaaktypen: await this.lijst('catalogi', '/zaaktypen', { ...opCatalogus, status: 'alles' }),
      statustypen: await this.lijst('catalogi', '/statustypen', { status: 'alles' }),
      resultaattypen: await this.lijst('catalogi', '/resultaattypen', { status: 'alles' }),
      roltypen: await this.lijst('catalogi', '/roltypen', { status: 'alles' }),
      informatieobjecttypen: await this.lijst('catalogi', '/informatieobjecttypen', { ...opCatalogus, status: 'alles' }),
    };
  }
}
