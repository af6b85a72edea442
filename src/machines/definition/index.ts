/**
 * Definitions: the format a beleidsmedewerker writes (types, zod schema, JSON Schema), the loader
 * that keeps YAML positions, and the validation pipeline (docs/definities.md).
 */
export type * from './types';
export { definitieSchema, BEKENDE_ROLLEN, AANBIEDER_TYPES, type Rol } from './schema';
export {
  loadDefinitionFiles,
  formatError,
  GEMEENTE_MAP_PATROON,
  type GeladenDefinitieMetBron,
  type LoadResult,
  type Pad,
  type Positie,
} from './loader';
export {
  validateDefinities,
  loadAndValidate,
  sortErrors,
  schemaStap,
  referentieStap,
  juridischeStap,
  standaardStappen,
  type ValidatieStap,
  type GevalideerdResultaat,
} from './validate';
export { definitieJsonSchema, renderDefinitieJsonSchema, JSON_SCHEMA_BESTAND } from './json-schema';
export { voorwaarden } from './referenties';
