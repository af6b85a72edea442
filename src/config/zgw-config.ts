import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Per gemeente: the ZGW registers Klachtregie writes its zaken to (docs/zgw.md). Read from the file in
 * ZGW_CONFIG at boot and validated there; the secret comes from the environment variable the file names
 * (`secretEnv`), so the file can be in configuration management without it. Never in a definition.
 */
export interface ZgwGemeenteConfig {
  /** CBS gemeentecode, e.g. GM0363. */
  gemeente: string;
  aan: boolean;
  /** RSIN of the gemeente: the zaak's bronorganisatie and verantwoordelijkeOrganisatie (Zaken API). */
  rsin: string;
  zakenApi: string;
  catalogiApi: string;
  documentenApi: string;
  /** Optional: the catalogus (URL) to look the zaaktype up in; without it, every catalogus of the gemeente's RSIN. */
  catalogus?: string;
  clientId: string;
  secret: string;
}

const apiUrl = z
  .string()
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'een http(s)-URL')
  .transform((u) => u.replace(/\/+$/, ''));

/** RSIN: 9 digits that pass the elfproef (as the Zaken API checks bronorganisatie). */
export function isRsin(v: string): boolean {
  if (!/^\d{9}$/.test(v)) return false;
  const d = [...v].map(Number);
  const som = d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - d[8];
  return som % 11 === 0;
}

const gemeenteSchema = z
  .object({
    aan: z.boolean().default(true),
    rsin: z.string().refine(isRsin, 'geen geldig RSIN (9 cijfers, elfproef)'),
    zakenApi: apiUrl,
    catalogiApi: apiUrl,
    documentenApi: apiUrl,
    catalogus: z.string().url().optional(),
    clientId: z.string().min(1).max(100),
    secretEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'de naam van een omgevingsvariabele, bijvoorbeeld ZGW_GM0363_SECRET'),
  })
  .strict();

export const zgwBestandSchema = z
  .object({ gemeenten: z.record(z.string().regex(/^GM\d{4}$/, 'een CBS-code, bijvoorbeeld GM0363'), gemeenteSchema) })
  .strict();

/** Reads and validates the ZGW_CONFIG file; throws with every problem as `pad: melding`. */
export function laadZgwConfig(bestand: string, env: Record<string, string | undefined>): ZgwGemeenteConfig[] {
  let ruw: unknown;
  try {
    ruw = parse(readFileSync(bestand, 'utf8'));
  } catch (e) {
    throw new Error(`${bestand} kon niet worden gelezen: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  const r = zgwBestandSchema.safeParse(ruw);
  if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join('.') || '(bestand)'}: ${i.message}`).join('; '));
  const problemen: string[] = [];
  const uit = Object.entries(r.data.gemeenten).map(([gemeente, g]) => {
    const secret = env[g.secretEnv] ?? '';
    // ZGW JWT: HS256; a short shared secret is guessable.
    if (g.aan && secret.length < 32)
      problemen.push(`gemeenten.${gemeente}.secretEnv: ${g.secretEnv} is niet gezet of korter dan 32 tekens`);
    const { secretEnv: _naam, ...rest } = g;
    return { gemeente, ...rest, secret };
  });
  if (problemen.length) throw new Error(problemen.join('; '));
  return uit;
}
