/**
 * Validation stage 1 (docs/definities.md): zod issues turned into `file:line:column` errors in the words
 * of a beleidsmedewerker, each with what to write instead. zod reports a failed union (a
 * Voorwaarde, a klachtadviescommissie) as "none of the options matched"; we pick the option the
 * author evidently meant (the one that knows most of the keys written) and report its problems.
 */
import { z } from 'zod';
import type { DefinitionError } from '../contract';
import type { GeladenDefinitieMetBron, Pad } from './loader';
import { CBS_CODE_PATROON, DUUR_PATROON, FEIT_NAAM_PATROON, MAAND_DAG_PATROON } from './schema';
import { didYouMean } from './suggest';
import type { GeladenDefinitie } from './types';

type Z = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: Z;
  in?: Z;
  options?: Z[];
  shape?: Record<string, Z>;
  valueType?: Z;
  element?: Z;
  entries?: Record<string, string>;
  values?: unknown[];
  discriminator?: string;
}
const defOf = (s: Z): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
/** A lazy schema's inner schema, cached by zod (calling `def.getter` would build a new one each time). */
const lazyInner = (s: Z): Z => (s as unknown as { _zod: { innerType: Z } })._zod.innerType;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Strips optional/lazy/pipe wrappers; keeps the first description met on the way. */
function unwrap(s: Z): Z {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === 'lazy') cur = lazyInner(cur);
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else break;
  }
  return cur;
}

function description(s: Z | undefined): string | undefined {
  let cur = s;
  for (let i = 0; cur && i < 20; i++) {
    const d = z.globalRegistry.get(cur)?.description;
    if (d) return d;
    const def = defOf(cur);
    cur = def.innerType ?? (def.type === 'lazy' ? lazyInner(cur) : def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function literalValues(s: Z): unknown[] {
  const d = defOf(s);
  if (d.type === 'literal') return d.values ?? [];
  if (d.type === 'enum') return Object.values(d.entries ?? {});
  return [];
}

/** The union option the author meant: the one whose discriminator or keys match what was written. */
function kiesOptie(options: Z[], value: unknown, discriminator?: string): Z {
  let best = options[0];
  let bestScore = -Infinity;
  for (const opt of options) {
    const u = unwrap(opt);
    const d = defOf(u);
    let score = 0;
    if (d.type === 'object' && d.shape) {
      if (isPlainObject(value)) {
        const keys = Object.keys(value);
        score = 100 + keys.filter((k) => k in d.shape!).length * 10 - keys.filter((k) => !(k in d.shape!)).length;
        if (discriminator && d.shape[discriminator] && literalValues(unwrap(d.shape[discriminator])).includes(value[discriminator]))
          score += 1000;
      }
    } else if (literalValues(u).length > 0) {
      score = literalValues(u).includes(value) ? 200 : typeof literalValues(u)[0] === typeof value ? 50 : 0;
    } else if (d.type === 'array') {
      score = Array.isArray(value) ? 100 : 0;
    } else if (d.type === typeof value) {
      score = 100;
    }
    if (score > bestScore) {
      bestScore = score;
      best = opt;
    }
  }
  return best;
}

/** How each option of a union is written: `false`, `{ naam: ... }`, `{ feit: ... }`. */
function vormen(options: Z[]): string[] {
  return options.map((o) => {
    const u = unwrap(o);
    const d = defOf(u);
    if (d.type === 'object' && d.shape) {
      const verplicht = Object.entries(d.shape)
        .filter(([, v]) => defOf(v).type !== 'optional')
        .map(([k]) => `${k}: ...`);
      return `{ ${verplicht.join(', ')} }`;
    }
    const lit = literalValues(u);
    return lit.length ? lit.map(String).join(' of ') : d.type;
  });
}

/** Every place a key may appear, as a readable path (`termijnen.<naam>.verdagingMax`). */
export function plaatsenVanSleutels(root: Z): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  const opStapel = new Set<Z>(); // guards the recursion of Voorwaarde only; shared blocks are visited per place
  const loop = (s: Z, pad: string) => {
    const u = unwrap(s);
    if (opStapel.has(u)) return;
    opStapel.add(u);
    const d = defOf(u);
    if (d.type === 'object' && d.shape) {
      for (const [k, v] of Object.entries(d.shape)) {
        out.set(k, (out.get(k) ?? new Set()).add(pad || '(hoogste niveau)'));
        loop(v, pad ? `${pad}.${k}` : k);
      }
    } else if (d.type === 'record' && d.valueType) loop(d.valueType, `${pad}.<naam>`);
    else if (d.type === 'array' && d.element) loop(d.element, `${pad}[]`);
    else if (d.type === 'union' && d.options) d.options.forEach((o) => loop(o, pad));
    opStapel.delete(u);
  };
  loop(root, '');
  // bijzondereRegimes.wmo, .jeugdhulp, .zorg, .overig -> bijzondereRegimes.<wmo|jeugdhulp|zorg|overig>
  const samengevat = new Map<string, string[]>();
  for (const [k, plekken] of out) {
    const perOuder = new Map<string, string[]>();
    for (const p of plekken) {
      const i = p.lastIndexOf('.');
      const ouder = i < 0 ? '' : p.slice(0, i);
      perOuder.set(ouder, [...(perOuder.get(ouder) ?? []), i < 0 ? p : p.slice(i + 1)]);
    }
    const lijst: string[] = [];
    for (const [ouder, kinderen] of perOuder) {
      if (kinderen.length >= 3 && ouder) lijst.push(`${ouder}.<${kinderen.join('|')}>`);
      else lijst.push(...kinderen.map((c) => (ouder ? `${ouder}.${c}` : c)));
    }
    samengevat.set(k, lijst);
  }
  return samengevat;
}

/** The schema that applies at `path`, following the value through unions. */
export function schemaAt(root: Z, value: unknown, path: Pad): Z | undefined {
  let s: Z | undefined = root;
  let v: unknown = value;
  for (const seg of path) {
    if (!s) return undefined;
    let u = unwrap(s);
    let d = defOf(u);
    if (d.type === 'union' && d.options) {
      u = unwrap(kiesOptie(d.options, v, d.discriminator));
      d = defOf(u);
    }
    if (d.type === 'object' && d.shape) s = d.shape[String(seg)];
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'array') s = d.element;
    else return undefined;
    v = isPlainObject(v) || Array.isArray(v) ? (v as Record<string, unknown>)[seg as string] : undefined;
  }
  return s;
}

function valueAt(value: unknown, path: Pad): unknown {
  let v = value;
  for (const seg of path) {
    if (!(isPlainObject(v) || Array.isArray(v))) return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

/** `termijnen.afhandeling.duur`, `tweedeLijn[0].geldigVanaf`. */
export function padTekst(path: Pad): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function toegestaneSleutels(root: Z, value: unknown, path: Pad): string[] {
  const s = path.length === 0 ? root : schemaAt(root, value, path);
  if (!s) return [];
  let u = unwrap(s);
  let d = defOf(u);
  if (d.type === 'union' && d.options) {
    u = unwrap(kiesOptie(d.options, valueAt(value, path), d.discriminator));
    d = defOf(u);
  }
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

function beschrijfWaarde(v: unknown): string {
  if (v === null) return 'niets (een lege waarde)';
  if (Array.isArray(v)) return 'een lijst';
  if (isPlainObject(v)) return 'een blok met sleutels';
  if (typeof v === 'string') return `de tekst '${v}'`;
  if (typeof v === 'number') return `het getal ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  return String(v);
}

const VERWACHT: Record<string, { tekst: string; hint: string }> = {
  string: { tekst: 'een tekst', hint: "schrijf een tekst; zet hem tussen aanhalingstekens als hij met een cijfer begint of een ':' bevat" },
  number: { tekst: 'een getal', hint: 'schrijf een getal zonder aanhalingstekens, bijvoorbeeld 1' },
  boolean: { tekst: 'true of false', hint: 'schrijf true (ja) of false (nee), zonder aanhalingstekens' },
  array: { tekst: 'een lijst', hint: "schrijf een lijst: elke waarde op een eigen, ingesprongen regel die begint met '- '" },
  object: { tekst: 'een blok met sleutels', hint: 'schrijf de sleutels ingesprongen op de regels eronder' },
  record: { tekst: 'een blok met sleutels', hint: 'schrijf de sleutels ingesprongen op de regels eronder' },
};

const DUUR_WOORDEN: Array<[RegExp, string]> = [
  [/^(werk)?dag(en)?$/, 'D'],
  [/^(week|weken)$/, 'W'],
  [/^(maand|maanden)$/, 'M'],
  [/^(jaar|jaren)$/, 'Y'],
];

function duurHint(v: unknown): string {
  const m = typeof v === 'string' ? /^\s*(\d+)\s*([a-z]+)\s*$/i.exec(v) : null;
  const eenheid = m ? DUUR_WOORDEN.find(([re]) => re.test(m[2].toLowerCase()))?.[1] : undefined;
  const voorstel = m && eenheid ? `schrijf P${m[1]}${eenheid}; ` : /T/.test(String(v)) ? 'geen uren: reken in dagen (Atw art. 4); ' : '';
  return `${voorstel}schrijf een ISO 8601-duur zoals P6W (6 weken), P5D (5 dagen), P1M (1 maand) of P1Y (1 jaar), met één eenheid`;
}

function datumHint(v: unknown): string {
  const m = typeof v === 'string' ? /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v) : null;
  const voorstel = m ? `schrijf ${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}; ` : '';
  return `${voorstel}schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2024-01-01`;
}

interface Ctx {
  def: GeladenDefinitie;
  root: Z;
  value: unknown;
}

function pos(ctx: Ctx, path: Pad, sleutel = false) {
  const d = ctx.def as Partial<GeladenDefinitieMetBron> & GeladenDefinitie;
  return sleutel && d.sleutelPositie ? d.sleutelPositie(path) : d.positie(path);
}

function fout(ctx: Ctx, path: Pad, message: string, hint?: string, sleutel = false): DefinitionError {
  const p = pos(ctx, path, sleutel);
  return { file: ctx.def.file, line: p.line, column: p.column, message, ...(hint ? { hint } : {}) };
}

function issueNaarFouten(ctx: Ctx, issue: z.core.$ZodIssue): DefinitionError[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const waar = padTekst(path);
  const value = valueAt(ctx.value, path);
  const parent = path.slice(0, -1);
  const last = path[path.length - 1];

  if (issue.code === 'unrecognized_keys') {
    const allowed = toegestaneSleutels(ctx.root, ctx.value, path);
    return issue.keys.map((key) => {
      const suggestie = didYouMean(key, allowed);
      // A real key in the wrong block (verdagingMax under stappen): say where it belongs.
      const elders = suggestie
        ? undefined
        : plaatsenVanSleutels(ctx.root)
            .get(key)
            ?.filter((p) => p !== (waar || '(hoogste niveau)'));
      const hint = suggestie
        ? `bedoelde u '${suggestie}'? Toegestaan${waar ? ` in ${waar}` : ' op het hoogste niveau'}: ${allowed.join(', ')}`
        : elders?.length
          ? `'${key}' hoort in ${elders.join(' of ')}; toegestaan${waar ? ` in ${waar}` : ' op het hoogste niveau'}: ${allowed.join(', ')}`
          : `Toegestaan${waar ? ` in ${waar}` : ' op het hoogste niveau'}: ${allowed.join(', ')}`;
      return fout(ctx, [...path, key], `onbekende sleutel '${key}'${waar ? ` in ${waar}` : ''}`, hint, true);
    });
  }

  // A required key that is absent: zod says "expected X, received undefined" on the missing key.
  if (value === undefined && typeof last === 'string' && isPlainObject(valueAt(ctx.value, parent)) && issue.code !== 'invalid_key') {
    const s = schemaAt(ctx.root, ctx.value, path);
    const uitleg = description(s);
    return [
      fout(
        ctx,
        parent,
        `verplichte sleutel '${last}' ontbreekt${parent.length ? ` in ${padTekst(parent)}` : ''}`,
        `voeg '${last}:' toe${parent.length ? ` onder ${padTekst(parent)}` : ''}${uitleg ? ` (${uitleg})` : ''}`,
      ),
    ];
  }

  switch (issue.code) {
    case 'invalid_union': {
      const discriminatorOpties = 'options' in issue ? issue.options : undefined;
      if (issue.discriminator && discriminatorOpties) {
        const opties = discriminatorOpties.map(String);
        const suggestie = typeof value === 'string' ? didYouMean(value, opties) : undefined;
        return [
          fout(
            ctx,
            path,
            `${waar}: ${beschrijfWaarde(value)} is geen bekend ${String(last)}`,
            `${suggestie ? `bedoelde u '${suggestie}'? ` : ''}kies uit: ${opties.join(', ')}`,
          ),
        ];
      }
      const s = schemaAt(ctx.root, ctx.value, path);
      const u = s ? unwrap(s) : undefined;
      const d = u ? defOf(u) : undefined;
      if (d?.type === 'union' && d.options) {
        const optie = kiesOptie(d.options, value, d.discriminator);
        const r = z.safeParse(optie, value);
        // Wrong kind of value altogether (text where a block belongs): name every form that fits here.
        if (!r.success && r.error.issues.every((i) => i.path.length === 0 && i.code !== 'unrecognized_keys')) {
          const uitleg = description(s);
          return [
            fout(
              ctx,
              path,
              `${waar}: ${beschrijfWaarde(value)} is hier niet toegestaan`,
              `schrijf ${vormen(d.options).join(' of ')}${uitleg ? ` (${uitleg})` : ''}`,
            ),
          ];
        }
        if (!r.success) {
          return r.error.issues.flatMap((i) => issueNaarFouten(ctx, { ...i, path: [...path, ...i.path] } as z.core.$ZodIssue));
        }
      }
      return [fout(ctx, path, `${waar}: deze vorm is hier niet toegestaan`, description(s) ?? 'zie docs/definities.md')];
    }
    case 'invalid_type': {
      const verwacht = VERWACHT[issue.expected] ?? { tekst: issue.expected, hint: 'zie docs/definities.md' };
      let hint = verwacht.hint;
      if (issue.expected === 'object') {
        const allowed = toegestaneSleutels(ctx.root, ctx.value, path);
        if (allowed.length) hint += `: ${allowed.join(', ')}`;
      }
      return [fout(ctx, path, `${waar}: verwacht ${verwacht.tekst}, maar hier staat ${beschrijfWaarde(value)}`, hint)];
    }
    case 'invalid_format': {
      const pattern = 'pattern' in issue ? issue.pattern : undefined;
      if (pattern === DUUR_PATROON.toString()) {
        return [fout(ctx, path, `${waar}: '${String(value)}' is geen ISO 8601-duur`, duurHint(value))];
      }
      if (issue.format === 'date') {
        return [fout(ctx, path, `${waar}: '${String(value)}' is geen geldige datum`, datumHint(value))];
      }
      if (pattern === CBS_CODE_PATROON.toString()) {
        const voorstel = typeof value === 'string' && /^gm\d{4}$/i.test(value) ? `schrijf ${value.toUpperCase()}; ` : '';
        return [
          fout(
            ctx,
            path,
            `${waar}: '${String(value)}' is geen CBS-gemeentecode`,
            `${voorstel}schrijf GM gevolgd door vier cijfers, bijvoorbeeld GM0363`,
          ),
        ];
      }
      if (pattern === MAAND_DAG_PATROON.toString()) {
        return [
          fout(
            ctx,
            path,
            `${waar}: '${String(value)}' is geen dag in het jaar`,
            "schrijf MM-DD tussen aanhalingstekens, bijvoorbeeld '07-01' voor 1 juli",
          ),
        ];
      }
      return [fout(ctx, path, `${waar}: '${String(value)}' heeft niet de juiste vorm`, description(schemaAt(ctx.root, ctx.value, path)))];
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      const isNaam = inner && 'pattern' in inner && inner.pattern === FEIT_NAAM_PATROON.toString();
      return [
        fout(
          ctx,
          path,
          `${padTekst(parent)}: '${String(last)}' is geen geldige naam`,
          isNaam
            ? 'gebruik één woord in camelCase, beginnend met een kleine letter, zonder spaties of streepjes, bijvoorbeeld eerderBijAanbieder'
            : undefined,
          true,
        ),
      ];
    }
    case 'invalid_value': {
      const opties = issue.values.map((v) => String(v));
      const suggestie = typeof value === 'string' ? didYouMean(value, opties) : undefined;
      const kies = opties.length === 1 ? `schrijf ${opties[0]}` : `kies uit: ${opties.join(', ')}`;
      return [
        fout(
          ctx,
          path,
          `${waar}: ${beschrijfWaarde(value)} is hier niet toegestaan`,
          `${suggestie ? `bedoelde u '${suggestie}'? ` : ''}${kies}`,
        ),
      ];
    }
    case 'too_small': {
      if (issue.origin === 'array') {
        // A list that has values, only too few (tevredenheid needs tevreden and ontevreden), is not empty.
        const lijst = value;
        const aantal = Array.isArray(lijst) ? lijst.length : 0;
        return [
          fout(
            ctx,
            path,
            aantal === 0 ? `${waar}: de lijst is leeg` : `${waar}: te weinig waarden (${aantal})`,
            `geef minstens ${String(issue.minimum)} waarde${issue.minimum === 1 ? '' : 'n'}`,
          ),
        ];
      }
      if (issue.origin === 'string') {
        const tekst = value;
        return [
          fout(
            ctx,
            path,
            typeof tekst === 'string' && tekst.trim() !== ''
              ? `${waar}: te kort (minstens ${String(issue.minimum)} tekens)`
              : `${waar}: mag niet leeg zijn`,
            description(schemaAt(ctx.root, ctx.value, path)),
          ),
        ];
      }
      return [fout(ctx, path, `${waar}: te klein (minimaal ${String(issue.minimum)})`)];
    }
    default:
      return [fout(ctx, path, `${waar}: ${issue.message}`)];
  }
}

/** Validates one loaded definition against `schema`; no errors means `definitie` has the Definitie shape. */
export function schemaFouten(def: GeladenDefinitie, schema: Z): DefinitionError[] {
  const value = (def as Partial<GeladenDefinitieMetBron>).ruw ?? def.definitie;
  const r = z.safeParse(schema, value);
  if (r.success) return [];
  const ctx: Ctx = { def, root: schema, value };
  return r.error.issues.flatMap((i) => issueNaarFouten(ctx, i));
}
