import { Injectable } from '@nestjs/common';
import { parse } from 'yaml';
import type { AnyStateMachine } from 'xstate';
import { loadRegistry } from '../../machines';
import type { DefinitionError } from '../../machines/contract';
import { stateNodes, toDiagramGraph, toSvg } from '../../machines/diagram';
import { formatError } from '../../machines/definition/loader';
import { ProblemException } from '../../common/problem';
import { DefinitiesService } from '../definities/definities.service';

export interface Voorbeeld {
  geldig: boolean;
  /** Where the file would live once published, e.g. `definitions/gm0363-amsterdam/2026-01.yaml`. */
  bestand: string;
  fouten: Array<DefinitionError & { tekst: string }>;
  /** Findings that do not make the definition invalid, but that its author should read (`ernst: waarschuwing`). */
  waarschuwingen: Array<DefinitionError & { tekst: string }>;
  /** The statechart, when the definition compiles. */
  svg?: string;
  states?: string[];
}

/**
 * `gm0363-amsterdam` from the definition's own gemeente block (how the loader names folders), and the cbsCode the text
 * names (upper case; undefined when it names none).
 */
function mapNaam(yaml: string): { map: string; cbs?: string } {
  try {
    const d = parse(yaml) as { gemeente?: { cbsCode?: unknown; naam?: unknown } } | null;
    const cbs = typeof d?.gemeente?.cbsCode === 'string' ? d.gemeente.cbsCode.toLowerCase() : '';
    const naam =
      typeof d?.gemeente?.naam === 'string'
        ? d.gemeente.naam
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')
        : '';
    const genoemd = cbs ? { cbs: cbs.toUpperCase() } : {};
    return /^gm\d{4}$/.test(cbs) && naam ? { map: `${cbs}-${naam}`, ...genoemd } : { map: 'gm0000-voorbeeld', ...genoemd };
  } catch {
    // A YAML syntax error: the loader reports it with its position.
    return { map: 'gm0000-voorbeeld' };
  }
}

/**
 * Runs the real loader, validator and compiler on a pasted definition, in a temporary folder next to
 * copies of the gemeente's published versions (so version overlaps are found too). Errors name the
 * file as it would be published.
 */
/** `<versie>.yaml` from the YAML's top-level `versie:`, or `voorbeeld.yaml` when there is none usable. */
export function naamUitVersie(yaml: string): string {
  const versie = /^versie:[ \t]*['"]?([A-Za-z0-9._-]{1,75})['"]?[ \t]*(?:#.*)?$/m.exec(yaml)?.[1];
  return versie ? `${versie}.yaml` : 'voorbeeld.yaml';
}

@Injectable()
export class VoorbeeldService {
  constructor(private readonly definities: DefinitiesService) {}

  /** `gemeente`: the caller's own gemeente (the tenant's); a text of another gemeente is refused. */
  async voorbeeld(yaml: string, gemeente: string, gegevenNaam?: string | null): Promise<Voorbeeld> {
    // Without a file name (absent or null) the file is named after its own `versie`, as it would be published
    // (definitions/<map>/<versie>.yaml); a fixed default would make every valid definition fail on its name.
    const bestandsnaam = gegevenNaam ?? naamUitVersie(yaml);
    const { map, cbs } = mapNaam(yaml);
    // Tenancy (docs/adr/0003-tenancy-webhooks-idempotency.md): the text is judged next to the folder and API-published
    // versions of the gemeente it names, so another gemeente's would copy those in and show their versions and dates in
    // the overlap errors. Only the caller's own definitions, as POST /definities/validaties and the werkbank do.
    if (cbs && cbs !== gemeente.toUpperCase())
      throw ProblemException.invalid(
        [
          {
            name: 'yaml.gemeente.cbsCode',
            reason: `is niet uw gemeente: u werkt voor ${gemeente}; zet gemeente.cbsCode op ${gemeente}`,
          },
        ],
        'Een voorbeeld kan alleen van een definitie van uw eigen gemeente; er is niets gecontroleerd.',
      );
    const publiek = `definitions/${map}/${bestandsnaam}`;
    return this.definities.naastGepubliceerd(map, bestandsnaam, yaml, async ({ werk: tmp, map: dir, pad: bestand }) => {
      const registry = loadRegistry(dir);
      // Never show the server's working folder: every path, also inside a message, as the author knows it.
      const naarPubliek = (t: string) => t.split(dir).join(`definitions/${map}`).split(tmp).join('definitions');
      const publiekMaken = (e: DefinitionError) => {
        const fout = { ...e, file: naarPubliek(e.file), message: naarPubliek(e.message), ...(e.hint ? { hint: naarPubliek(e.hint) } : {}) };
        return { ...fout, tekst: formatError(fout) };
      };
      const fouten = registry.errors.map(publiekMaken);
      const waarschuwingen = registry.waarschuwingen.filter((w) => w.file === bestand).map(publiekMaken);
      const regime = registry.regimes.find(
        (r) =>
          (r as unknown as { definitie?: unknown }).definitie &&
          fouten.every((f) => f.file !== publiek) &&
          r.summary.id === map &&
          this.isVan(r, yaml),
      );
      if (!regime) return { geldig: false, bestand: publiek, fouten, waarschuwingen };
      const graph = toDiagramGraph(regime.machine as AnyStateMachine, {
        title: `${regime.summary.gemeente.naam}, versie ${regime.summary.versie} (voorbeeld)`,
      });
      return {
        geldig: fouten.length === 0,
        bestand: publiek,
        fouten,
        waarschuwingen,
        svg: await toSvg(graph, { edgeLabels: 'short' }),
        states: stateNodes(graph).map((n) => n.id),
      };
    });
  }

  /** The compiled regime of the pasted file (not one of the copied published versions). */
  private isVan(r: { summary: { versie: string } }, yaml: string): boolean {
    try {
      const d = parse(yaml) as { versie?: unknown };
      return String(d?.versie) === r.summary.versie;
    } catch {
      return false;
    }
  }
}
