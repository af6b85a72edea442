import { datum, getal, jaNee, lijst, object, tekst, type Schema } from '../../common/openapi-schema';

/** OpenAPI schemas of responses about definitions that are no DTO class (src/machines types). */

/** DefinitionSummary (src/machines/contract.ts). */
export const DEFINITIE_SAMENVATTING_SCHEMA: Schema = object({
  id: tekst({ example: 'gm0363-amsterdam' }),
  gemeente: object({ cbsCode: tekst({ example: 'GM0363' }), naam: tekst({ example: 'Amsterdam' }) }),
  versie: tekst({ example: '2026-01' }),
  geldigVanaf: datum(),
  'geldigTot?': datum(),
});

const FASEN = ['intake', 'aanbieder', 'gemeente', 'tweedeLijn', 'bijzonder', 'signaal', 'afgerond'];

/** DiagramGraph (src/machines/diagram/diagram-graph.ts): the statechart as nodes and edges. */
export const DIAGRAM_GRAAF_SCHEMA: Schema = object({
  id: tekst(),
  label: tekst(),
  nodes: lijst(
    object({
      id: tekst({ example: 'gemeente.inBehandeling' }),
      key: tekst(),
      label: tekst(),
      'parent?': tekst(),
      type: tekst({ enum: ['atomic', 'compound', 'parallel', 'final', 'history', 'initial', 'elkeStap'] }),
      depth: getal(),
      initial: jaNee(),
      'fase?': tekst({ enum: FASEN }),
      'grondslag?': tekst(),
      termijnen: lijst(tekst()),
      children: lijst(tekst()),
    }),
  ),
  edges: lijst(
    object({
      id: tekst(),
      source: tekst(),
      target: tekst(),
      event: tekst(),
      kind: tekst({ enum: ['event', 'always', 'done', 'after', 'actor', 'initial'] }),
      label: tekst(),
      'guard?': tekst(),
      'grondslag?': tekst(),
      termijnen: lijst(tekst()),
      internal: jaNee(),
    }),
  ),
});
