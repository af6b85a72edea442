/**
 * Reads definition files from `definitions/<cbs-code>-<naam>/<versie>.yaml` and keeps the YAML
 * source positions, so every later error can say `file:line:column` (docs/definities.md). This is the
 * only I/O in src/machines (docs/architecture.md §1). It does not validate beyond YAML syntax and file layout:
 * `validateDefinities` (validate.ts) does the schema, references and legal lint.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { DefinitionError } from '../contract';
import type { Definitie, GeladenDefinitie } from './types';

/** Folder name: lower-case CBS code, a dash, the gemeente's name in kebab-case (`gm0363-amsterdam`). */
export const GEMEENTE_MAP_PATROON = /^gm\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/;

export type Pad = Array<string | number>;
export interface Positie {
  line: number;
  column: number;
}

/** A loaded, not yet validated definition. `definitie` is the raw YAML data until `validateDefinities` passes it. */
export interface GeladenDefinitieMetBron extends GeladenDefinitie {
  /** Position of the key of the last path segment (for an unknown key); falls back like `positie`. */
  sleutelPositie(path: Pad): Positie;
  /** The raw YAML data (what the schema stage validates). */
  ruw: unknown;
}

export interface LoadResult {
  definities: GeladenDefinitieMetBron[];
  errors: DefinitionError[];
}

/** `file:line:column: message` and, when there is one, an indented `  -> hint` line. */
export function formatError(e: DefinitionError): string {
  const kop = `${e.file}:${e.line}:${e.column}: ${e.ernst === 'waarschuwing' ? 'waarschuwing: ' : ''}${e.message}`;
  return e.hint ? `${kop}\n  -> ${e.hint}` : kop;
}

/**
 * Loads every `*.yaml` below the given paths. A path may be one file, a gemeente folder
 * (`definitions/gm0363-amsterdam`) or a folder holding gemeente folders (`definitions`).
 * Files are returned in a stable order (folder, then file name).
 */
export function loadDefinitionFiles(paths: string[]): LoadResult {
  const errors: DefinitionError[] = [];
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) {
      errors.push({
        file: p,
        line: 1,
        column: 1,
        message: `'${p}' bestaat niet`,
        hint: 'geef een definitiebestand (.yaml), een gemeentemap of de map definitions op',
      });
      continue;
    }
    const gevonden = statSync(p).isDirectory() ? filesInDir(p, errors) : checkFile(p, errors);
    if (gevonden.length === 0 && statSync(p).isDirectory() && !errors.some((e) => e.file.startsWith(p))) {
      errors.push({
        file: p,
        line: 1,
        column: 1,
        message: `geen definities (*.yaml) gevonden in '${p}'`,
        hint: 'zet elke versie als <versie>.yaml in een map <cbs-code>-<naam>, bijvoorbeeld definitions/gm0363-amsterdam/2024-01.yaml',
      });
    }
    files.push(...gevonden);
  }
  const definities: GeladenDefinitieMetBron[] = [];
  for (const file of [...new Set(files)]) {
    const geladen = parseFile(file, errors);
    if (geladen) definities.push(geladen);
  }
  return { definities, errors };
}

function isYaml(name: string): boolean {
  return name.endsWith('.yaml');
}

function checkFile(file: string, errors: DefinitionError[]): string[] {
  if (file.endsWith('.yml')) {
    errors.push({
      file,
      line: 1,
      column: 1,
      message: 'definitiebestanden eindigen op .yaml',
      hint: `hernoem naar ${basename(file, '.yml')}.yaml`,
    });
    return [];
  }
  if (!isYaml(file)) {
    errors.push({
      file,
      line: 1,
      column: 1,
      message: 'geen definitiebestand (verwacht *.yaml)',
      hint: 'geef een .yaml-bestand of een map op',
    });
    return [];
  }
  return [file];
}

function filesInDir(dir: string, errors: DefinitionError[]): string[] {
  const naam = basename(dir.replace(/[/\\]+$/, ''));
  if (GEMEENTE_MAP_PATROON.test(naam)) return yamlIn(dir, errors);
  // A folder of gemeente folders (`definitions`).
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      // A wrongly named folder is reported per file by parseFile, so its files are still collected.
      out.push(...yamlIn(p, errors));
    } else if (isYaml(e.name) || e.name.endsWith('.yml')) {
      errors.push({
        file: p,
        line: 1,
        column: 1,
        message: `definitiebestand '${e.name}' staat niet in een gemeentemap`,
        hint: `zet het in een map <cbs-code>-<naam>, bijvoorbeeld ${join(dir, 'gm0363-amsterdam', e.name)}`,
      });
    }
  }
  return out;
}

function yamlIn(dir: string, errors: DefinitionError[]): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!e.isFile()) continue;
    if (e.name.endsWith('.yml')) checkFile(join(dir, e.name), errors);
    else if (isYaml(e.name)) out.push(join(dir, e.name));
  }
  return out;
}

const YAML_MELDINGEN: Record<string, string> = {
  BAD_INDENT: 'verkeerde inspringing',
  TAB_AS_INDENT: 'een tab als inspringing',
  DUPLICATE_KEY: 'deze sleutel staat er twee keer',
  MISSING_CHAR: 'er ontbreekt een teken',
  MULTILINE_IMPLICIT_KEY: 'een sleutel loopt over meer regels',
  BLOCK_AS_IMPLICIT_KEY: 'een blok staat op de plaats van een sleutel',
  UNEXPECTED_TOKEN: 'onverwacht teken',
  MULTIPLE_DOCS: 'meer dan één document in het bestand',
  BAD_SCALAR_START: 'een waarde begint met een bijzonder teken',
};

const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: 'controleer de inspringing: sleutels van hetzelfde blok staan precies onder elkaar (spaties, geen tabs)',
  TAB_AS_INDENT: 'gebruik spaties om in te springen, geen tabs',
  DUPLICATE_KEY: 'elke sleutel mag in een blok maar één keer voorkomen; voeg de twee samen of hernoem er één',
  MISSING_CHAR: 'er ontbreekt een teken, bijvoorbeeld een sluitende ] of } of een aanhalingsteken',
  MULTILINE_IMPLICIT_KEY: 'een sleutel staat op één regel en eindigt met een dubbele punt en een spatie: sleutel: waarde',
  BLOCK_AS_IMPLICIT_KEY: 'zet na de sleutel een dubbele punt, en de waarde op dezelfde regel of ingesprongen eronder',
  UNEXPECTED_TOKEN: 'controleer de inspringing en de dubbele punten rond deze plek',
  MULTIPLE_DOCS: 'één versie per bestand: haal de --- regel weg en zet de tweede versie in een eigen bestand',
  BAD_SCALAR_START: 'zet tekst die begint met een bijzonder teken (@, `, %, *) tussen aanhalingstekens',
};

function parseFile(file: string, errors: DefinitionError[]): GeladenDefinitieMetBron | undefined {
  const map = basename(dirname(file));
  const source = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      errors.push({
        file,
        line: pos.line,
        column: pos.col,
        message: `YAML-syntaxfout: ${YAML_MELDINGEN[e.code] ?? 'ongeldige YAML'}${e.code === 'DUPLICATE_KEY' ? ` ('${(/^[^:\n]+/.exec(source.slice(e.pos[0]))?.[0] ?? '').trim()}')` : ''} (${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')})`,
        hint: YAML_HINTS[e.code] ?? 'controleer de inspringing en de dubbele punten rond deze plek',
      });
    }
    return undefined;
  }
  if (!GEMEENTE_MAP_PATROON.test(map)) {
    errors.push({
      file,
      line: 1,
      column: 1,
      message: `map '${map}' heet niet <cbs-code>-<naam>`,
      hint: 'noem de map naar de CBS-code in kleine letters en de gemeente, bijvoorbeeld gm0363-amsterdam',
    });
    return undefined;
  }
  if (!isMap(doc.contents)) {
    const pos = doc.contents ? lineCounter.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
    errors.push({
      file,
      line: pos.line,
      column: pos.col,
      message: doc.contents ? 'een definitie is een blok met sleutels (gemeente:, versie:, ...)' : 'leeg definitiebestand',
      hint: 'begin met de sleutels gemeente, versie, geldigVanaf, bron, feiten, eersteLijn, termijnen, stappen, tweedeLijn, rapportage en bewaartermijnen (zie docs/definities.md)',
    });
    return undefined;
  }
  let ruw: unknown;
  try {
    ruw = doc.toJS({ maxAliasCount: MAX_ALIASSEN }) as unknown;
  } catch (e) {
    // Aliases that expand exponentially ("billion laughs") would exhaust memory; the yaml package
    // stops at maxAliasCount. Report it at the first alias, never as a stack trace.
    const pos = lineCounter.linePos(eersteAlias(doc)?.range?.[0] ?? 0);
    errors.push({
      file,
      line: pos.line,
      column: pos.col,
      message: `YAML-fout: te veel verwijzingen met aliassen (*naam): uitgeschreven zou het bestand onbeheersbaar groot worden (${e instanceof Error ? e.message : String(e)})`,
      hint: 'schrijf de waarden uit in plaats van met &anker en *alias te verwijzen; een definitie heeft geen aliassen nodig',
    });
    return undefined;
  }
  const posities = new PositieZoeker(doc, lineCounter);
  return {
    id: map,
    file,
    definitie: ruw as Definitie,
    ruw,
    positie: (path) => posities.positie(path, false),
    sleutelPositie: (path) => posities.positie(path, true),
  };
}

/**
 * How often `toJS` may expand aliases. A definition needs none; a few are harmless. Far more means an
 * alias bomb (each level repeating the one before), refused with a file:line:column error.
 */
export const MAX_ALIASSEN = 100;

function eersteAlias(doc: Document): Node | undefined {
  let gevonden: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      gevonden = node;
      return visit.BREAK;
    },
  });
  return gevonden;
}

/** Maps a JSON path to the YAML node it came from. */
class PositieZoeker {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Position of the value at `path` (see yamlPositie). */
  positie(path: Pad, sleutel: boolean): Positie {
    return yamlPositie(this.doc, this.lines, path, sleutel);
  }
}

/**
 * Position of the value at `path` in a YAML document: for a scalar its first character, for a block (a
 * map or list written over several lines) the key that introduces it. A path that does not exist (a
 * missing key) gives the position of the deepest part that does, i.e. the parent block. Shared by the
 * definitions and the scenario files, so both point at the same place for the same mistake.
 */
export function yamlPositie(doc: Document, lines: LineCounter, path: Pad, sleutel: boolean): Positie {
  const at = (n: Node): Positie => {
    const { line, col } = lines.linePos(n.range?.[0] ?? 0);
    return { line, column: col };
  };
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    let volgende: unknown;
    let volgendeKey: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (pair) {
        volgende = pair.value;
        volgendeKey = pair.key as Node;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      volgende = node.items[seg];
    }
    if (volgende === undefined && volgendeKey === undefined) break;
    if (i === path.length - 1 && sleutel && volgendeKey) return at(volgendeKey);
    node = volgende;
    key = volgendeKey;
    if (node === null || node === undefined) break;
  }
  if (key && (node === null || node === undefined || (isCollection(node) && !node.flow))) return at(key);
  if (node && typeof node === 'object' && 'range' in node && Array.isArray((node as Node).range)) return at(node as Node);
  return { line: 1, column: 1 };
}
