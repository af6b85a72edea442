/**
 * `klachtregie termijn`: compute a legal due date and explain it, as the engine would
 * (docs/definities.md §5: a CLI for beleidsmedewerkers and CI to compute a termijn).
 */
import { parseArgs } from 'node:util';
import { berekenTermijn, TermijnFout } from '../../machines/termijnen';
import type { CliCommand, CliIo } from '../main';

const USAGE = [
  'Gebruik: klachtregie termijn --vanaf JJJJ-MM-DD --duur <ISO 8601-duur> [--werkdagen] [--atw] [--sluitingsdag JJJJ-MM-DD ...] [--json]',
  '',
  'Berekent de vervaldatum van een termijn en legt de berekening uit. De dag van --vanaf telt zelf niet mee.',
  '',
  '  --vanaf JJJJ-MM-DD      dag van ontvangst of ander begin (ook een tijdstip, bijv. 2026-04-02T14:30:00+02:00)',
  '  --duur P6W              de termijn: P5D (dagen), P6W (weken), P1M (maanden) of P1Y (jaren)',
  '  --werkdagen             tel werkdagen (zonder zaterdag, zondag, feestdagen, gelijkgestelde dagen en sluitingsdagen)',
  '  --atw                   pas de Algemene termijnenwet toe (wettelijke termijnen van ten hoogste 12 weken / 3 maanden)',
  '  --sluitingsdag DATUM    sluitingsdag van de gemeente die geen werkdag is (mag vaker)',
  '  --json                  uitvoer als {"vervaldatum":"JJJJ-MM-DD","uitleg":[...]}, met "waarschuwingen":[...] als die er zijn',
  '',
  'Voorbeelden:',
  '  klachtregie termijn --vanaf 2026-04-02 --duur P6W --atw        (Awb 9:11 lid 1)',
  '  klachtregie termijn --vanaf 2026-04-02 --duur P5D --werkdagen  (contact binnen 5 werkdagen)',
].join('\n');

function gebruiksfout(io: CliIo, melding: string): number {
  io.err(`klachtregie termijn: ${melding}`);
  io.err('Zie: klachtregie termijn --help');
  return 2;
}

/** parseArgs reports in English; say the same in Dutch, with what to write instead. */
function vertaalParseFout(e: unknown): string {
  const code = (e as { code?: string }).code;
  const bericht = e instanceof Error ? e.message : String(e);
  const optie = /'([^']+)'/.exec(bericht)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `onbekende optie '${optie}'. Bekende opties: --vanaf, --duur, --werkdagen, --atw, --sluitingsdag, --json.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(bericht)) {
        return `${optie} heeft geen waarde: schrijf alleen ${optie} (bijvoorbeeld --atw in plaats van --atw=true).`;
      }
      return (
        `bij ${optie.split(' ')[0] || 'deze optie'} hoort een waarde, bijvoorbeeld --vanaf 2026-04-02 of --duur P6W ` +
        `(en --werkdagen, --atw en --json hebben geen waarde).`
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `onverwacht argument '${optie}': geef alles als optie, bijvoorbeeld --vanaf 2026-04-02 --duur P6W.`;
    default:
      return `ongeldige opties (${bericht}).`;
  }
}

export const command: CliCommand = {
  name: 'termijn',
  summary: 'bereken de vervaldatum van een termijn, met uitleg (Algemene termijnenwet, werkdagen)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        strict: true,
        allowPositionals: false,
        options: {
          vanaf: { type: 'string' },
          duur: { type: 'string' },
          werkdagen: { type: 'boolean', default: false },
          atw: { type: 'boolean', default: false },
          sluitingsdag: { type: 'string', multiple: true },
          json: { type: 'boolean', default: false },
        },
      }));
    } catch (e) {
      return gebruiksfout(io, vertaalParseFout(e));
    }
    if (values.vanaf === undefined) {
      return gebruiksfout(io, '--vanaf ontbreekt: geef de dag van ontvangst, bijvoorbeeld --vanaf 2026-04-02.');
    }
    if (values.duur === undefined) {
      return gebruiksfout(io, '--duur ontbreekt: geef de termijn als ISO 8601-duur, bijvoorbeeld --duur P6W (6 weken) of --duur P5D.');
    }
    try {
      const uitkomst = berekenTermijn({
        vanaf: values.vanaf,
        duur: values.duur,
        rekenwijze: values.werkdagen ? 'werkdagen' : 'kalenderdagen',
        atw: values.atw,
        kalender: values.sluitingsdag ? { sluitingsdagen: values.sluitingsdag } : undefined,
      });
      const waarschuwingen = uitkomst.waarschuwingen ?? [];
      if (values.json) {
        io.out(
          JSON.stringify({
            vervaldatum: uitkomst.vervaldatum,
            uitleg: uitkomst.uitleg,
            ...(waarschuwingen.length > 0 ? { waarschuwingen } : {}),
          }),
        );
      } else {
        io.out(`Vervaldatum: ${uitkomst.vervaldatum}`);
        // Atw art. 3 lid 3: an unknown decree day can move the date; say so before the calculation.
        for (const w of waarschuwingen) io.out(`  ! ${w}`);
        io.out('');
        io.out('Berekening:');
        for (const regel of uitkomst.uitleg) io.out(`  - ${regel}`);
      }
      return 0;
    } catch (e) {
      if (e instanceof TermijnFout) return gebruiksfout(io, e.message);
      throw e;
    }
  },
};
