/**
 * The scenario file format: one scenario (naam, intake, gebeurtenissen, tot) or a suite (suite,
 * scenarios: [...]) whose scenarios say what they expect after each step (`verwacht`) and at the end
 * (`eindstand`). Strict zod schema; errors come out as `file:line:column` in the same words as the
 * definitions' errors. Pure: the caller reads the file, this parses the text.
 */
import { SOORTEN, type Soort } from '../contract';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { DefinitionError, IntakeInput } from '../contract';
import { GEBEURTENISSEN } from '../compiler/gebeurtenissen';
import { yamlPositie, type Pad, type Positie } from '../definition/loader';
import { schemaFouten } from '../definition/schema-fouten';
import type { Scenario, ScenarioGebeurtenis } from './simulatie';

const DATUM = z.iso.date().describe('een datum JJJJ-MM-DD, bijvoorbeeld 2026-04-02');
const TIJDSTIP_PATROON = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const TIJDSTIP = z
  .string()
  .regex(TIJDSTIP_PATROON)
  .describe('een datum JJJJ-MM-DD (telt als 12:00 uur) of een tijdstip als 2026-04-02T10:00:00+02:00');
const EVENTS = Object.keys(GEBEURTENISSEN).filter((e) => e !== 'KLACHT_ONTVANGEN') as [string, ...string[]];

const IntakeDeel = z.strictObject({
  gemeente: z
    .string()
    .regex(/^GM\d{4}$/)
    .describe('de CBS-code van de gemeente, bijvoorbeeld GM0363')
    .optional(),
  kanaal: z.enum(['telefoon', 'balie', 'brief', 'webformulier', 'email']).optional(),
  ontvangenOp: TIJDSTIP.optional(),
  ingediendBij: z.enum(['gemeente', 'aanbieder', 'ombudsman']).optional(),
  soort: z.enum(SOORTEN as [Soort, ...Soort[]]).optional(),
  onderwerp: z.string().optional(),
  aanbieders: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        naam: z.string().optional(),
        type: z.enum(['wmo', 'jeugdhulp', 'zorg', 'overig']).optional(),
      }),
    )
    .optional(),
  feiten: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional(),
});
const VERPLICHT_IN_INTAKE = ['gemeente', 'kanaal', 'ontvangenOp', 'ingediendBij'] as const;

const IntentVerwacht = z.strictObject({
  type: z.string().min(1).describe('het soort opdracht, bijvoorbeeld AFDOENINGSBRIEF'),
  naar: z.string().optional(),
  grondslag: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

const TermijnVerwacht = z.union([
  DATUM,
  z.literal('loopt niet'),
  z.strictObject({
    vervaldatum: DATUM.optional(),
    label: z.string().optional(),
    grondslag: z.string().optional(),
    escalatieNaar: z.string().optional(),
  }),
]);

const VerloopVerwacht = z.union([
  z.string().min(1).describe('de naam van de termijn die verloopt, bijvoorbeeld contact'),
  z.strictObject({ termijn: z.string().min(1), op: DATUM.optional(), intents: z.array(IntentVerwacht).optional() }),
]);

const verwachtVelden = {
  stap: z.string().min(1).describe('de stap waarin de klacht dan staat, bijvoorbeeld gemeente.inBehandeling').optional(),
  afgesloten: z.boolean().optional(),
  geweigerd: z.union([z.boolean(), z.string().min(1)]).optional(),
  termijnen: z.record(z.string(), TermijnVerwacht).optional(),
  intents: z.array(IntentVerwacht).optional(),
  geenIntents: z.array(z.string().min(1)).optional(),
  verlopen: z.array(VerloopVerwacht).optional(),
  herinneringen: z.array(z.strictObject({ termijn: z.string().min(1), naar: z.string().optional(), op: DATUM.optional() })).optional(),
  mogelijk: z.array(z.string().min(1)).optional(),
  nietMogelijk: z.array(z.string().min(1)).optional(),
};
const Verwachting = z.strictObject(verwachtVelden);
const VerwachtingNaOntvangst = z.strictObject({
  ...verwachtVelden,
  gemeente: z.string().min(1).describe('de gemeente (naam of CBS-code) waarvan de regeling geldt').optional(),
  versie: z.string().min(1).optional(),
});

const Gebeurtenis = z.strictObject({
  op: TIJDSTIP,
  event: z.enum(EVENTS),
  data: z.record(z.string(), z.unknown()).optional(),
  actor: z.string().optional(),
  verwacht: Verwachting.optional(),
});

const scenarioVelden = {
  naam: z.string().min(1).describe('het artikel of de paragraaf van de regeling die het scenario toetst'),
  intake: IntakeDeel,
  verwacht: VerwachtingNaOntvangst.optional(),
  gebeurtenissen: z.array(Gebeurtenis).default([]),
  tot: DATUM.optional(),
  eindstand: Verwachting.optional(),
};
const EnkelScenario = z.strictObject({ ...scenarioVelden, naam: scenarioVelden.naam.optional() });
// In a suite the scenario's intake may be left out or partial: the suite's intake holds the defaults.
const ScenarioInSuite = z.strictObject({ ...scenarioVelden, intake: IntakeDeel.optional() });
const Suite = z.strictObject({
  suite: z.string().min(1).describe('de titel van de suite, bijvoorbeeld de naam van de regeling'),
  intake: IntakeDeel.optional(),
  scenarios: z.array(ScenarioInSuite).min(1),
});

export type IntentVerwachting = z.infer<typeof IntentVerwacht>;
export type TermijnVerwachting = z.infer<typeof TermijnVerwacht>;
export type VerloopVerwachting = z.infer<typeof VerloopVerwacht>;
export type Verwachting = z.infer<typeof VerwachtingNaOntvangst>;

/** One scenario as read from a file, with the path of every part in that file (for `file:line:column`). */
export interface GelezenScenario extends Scenario {
  /** Empty for a one-scenario file without `naam`. */
  naam: string;
  /** YAML path of this scenario in its file (`['scenarios', 2]`, or `[]` for a one-scenario file). */
  pad: Pad;
  verwacht?: Verwachting;
  verwachtPerGebeurtenis: Array<Verwachting | undefined>;
  eindstand?: Verwachting;
}

export interface ScenarioBestand {
  file: string;
  suite?: string;
  scenarios: GelezenScenario[];
  /** Position of a YAML path in the file (of its key with `sleutel`). */
  positie(pad: Pad, sleutel?: boolean): Positie;
}

export function leesScenarioBestand(tekst: string, file: string): { bestand?: ScenarioBestand; errors: DefinitionError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(tekst, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((e) => {
        const p = lines.linePos(e.pos[0]);
        return {
          file,
          line: p.line,
          column: p.col,
          message: `YAML-syntaxfout: ${e.message.split('\n')[0]}`,
          hint: 'controleer de inspringing (spaties, geen tabs) en de dubbele punten rond deze plek',
        };
      }),
    };
  }
  const positie = (pad: Pad, sleutel = false) => yamlPositie(doc, lines, pad, sleutel);
  const ruw = doc.toJS() as unknown;
  if (!ruw || typeof ruw !== 'object' || Array.isArray(ruw)) {
    return {
      errors: [
        {
          file,
          line: 1,
          column: 1,
          message: 'een scenario is een blok met sleutels',
          hint: 'begin met naam:, intake: en gebeurtenissen:, of met suite: en scenarios: (zie docs/definities.md)',
        },
      ],
    };
  }
  const isSuite = 'scenarios' in ruw || 'suite' in ruw;
  const schema = isSuite ? Suite : EnkelScenario;
  // The definitions' error wording (unknown key with a suggestion, missing key, wrong date ...).
  const alsDefinitie = {
    id: '',
    file,
    definitie: ruw as never,
    ruw,
    positie: (p: Pad) => positie(p),
    sleutelPositie: (p: Pad) => positie(p, true),
  };
  const errors = schemaFouten(alsDefinitie, schema as never);
  if (errors.length) return { errors };

  const bestand: ScenarioBestand = { file, scenarios: [], positie: (p, sleutel) => positie(p, sleutel) };
  if (isSuite) {
    const s = Suite.parse(ruw);
    bestand.suite = s.suite;
    s.scenarios.forEach((sc, i) => {
      const r = maakScenario(sc, ['scenarios', i], s.intake, file, positie);
      if ('fout' in r) errors.push(...r.fout);
      else bestand.scenarios.push(r);
    });
  } else {
    const sc = EnkelScenario.parse(ruw);
    const r = maakScenario({ ...sc, naam: sc.naam ?? '' }, [], undefined, file, positie);
    if ('fout' in r) errors.push(...r.fout);
    else bestand.scenarios.push(r);
  }
  return errors.length ? { errors } : { bestand, errors: [] };
}

type ScenarioRuw = z.infer<typeof ScenarioInSuite>;

function maakScenario(
  sc: ScenarioRuw,
  pad: Pad,
  standaard: z.infer<typeof IntakeDeel> | undefined,
  file: string,
  positie: (p: Pad) => Positie,
): GelezenScenario | { fout: DefinitionError[] } {
  // The suite's intake holds the defaults; a scenario's own intake keys replace them (feiten as a whole).
  const intake = { ...(standaard ?? {}), ...(sc.intake ?? {}) };
  const ontbreekt = VERPLICHT_IN_INTAKE.filter((k) => intake[k] === undefined);
  if (ontbreekt.length) {
    const p = positie([...pad, 'intake']);
    return {
      fout: ontbreekt.map((k) => ({
        file,
        line: p.line,
        column: p.column,
        message: `verplichte sleutel '${k}' ontbreekt in de intake van '${sc.naam}'`,
        hint: `voeg '${k}:' toe aan de intake van het scenario${pad.length ? ' of aan de intake van de suite (die geldt voor elk scenario)' : ''}`,
      })),
    };
  }
  const gebeurtenissen: ScenarioGebeurtenis[] = sc.gebeurtenissen.map((g) => ({
    op: g.op,
    event: g.event,
    ...(g.data ? { data: g.data } : {}),
    ...(g.actor ? { actor: g.actor } : {}),
  }));
  return {
    naam: sc.naam,
    pad,
    intake: { ...intake, aanbieders: intake.aanbieders ?? [], feiten: intake.feiten ?? {} } as IntakeInput,
    gebeurtenissen,
    ...(sc.tot ? { tot: sc.tot } : {}),
    ...(sc.verwacht ? { verwacht: sc.verwacht } : {}),
    verwachtPerGebeurtenis: sc.gebeurtenissen.map((g) => g.verwacht),
    ...(sc.eindstand ? { eindstand: sc.eindstand } : {}),
  };
}

/** Relative to the repository root; scenario files name it on line 1 for their editor. */
export const SCENARIO_JSON_SCHEMA_BESTAND = 'scenarios/klachtregie-scenario.schema.json';

/** The JSON Schema editors use to complete and check scenario files (a suite or one scenario), from the zod schema. */
export function renderScenarioJsonSchema(): string {
  // draft-07: the draft the YAML language server supports everywhere (as for the definitions).
  const schema = z.toJSONSchema(z.union([Suite, EnkelScenario]), { target: 'draft-7', io: 'input', reused: 'ref' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
