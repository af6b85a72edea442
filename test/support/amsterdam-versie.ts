import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Amsterdam's definition as in the repository (Klachtenprotocol Wmo keten Amsterdam). */
export const AMSTERDAM_YAML = readFileSync(join(__dirname, '..', '..', 'definitions', 'gm0363-amsterdam', '2015-01.yaml'), 'utf8');

/** A new Amsterdam version of the same regeling: only versie and geldigVanaf (and `extra` lines after it) differ. */
export function amsterdamVersie(versie: string, vanaf: string, extra = ''): string {
  return AMSTERDAM_YAML.replace("versie: '2015-01'", `versie: '${versie}'`).replace(
    /^geldigVanaf: 2015-01-01$/m,
    `geldigVanaf: ${vanaf}${extra}`,
  );
}
