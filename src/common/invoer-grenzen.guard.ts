import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from './problem';

/** Deeper JSON than any Klachtregie resource (intake with registratie is 4 deep); a bound before validation recurses. */
export const MAX_DIEPTE = 32;
/** X-Correlation-ID is written into the history (varchar 200). */
export const MAX_CORRELATIE = 200;
/**
 * Correlation ids Klachtregie writes itself: `termijn.<id>.<revision>` for a termijn's wake-up (the withdrawal of a
 * wake-up an act undid finds what it announced by it) and `import.<import id>.<extern>` for an imported klacht (the
 * import and its letters find their rows by it). A caller's id in those forms would pass for the system's.
 */
export const GERESERVEERDE_CORRELATIE = /^(termijn|import)\./i;

const NUL = '\u0000';
const LOSSE_SURROGAAT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first problem in a parsed JSON value, iteratively (a 3,000-deep body must not overflow the stack). */
export function invoerFout(waarde: unknown, wortel: string): { name: string; reason: string } | undefined {
  const stapel: Array<{ v: unknown; pad: string; diepte: number }> = [{ v: waarde, pad: wortel, diepte: 0 }];
  while (stapel.length) {
    const { v, pad, diepte } = stapel.pop()!;
    if (diepte > MAX_DIEPTE) return { name: pad, reason: `dieper genest dan ${MAX_DIEPTE} niveaus` };
    if (typeof v === 'string') {
      if (v.includes(NUL)) return { name: pad, reason: 'bevat een NUL-teken (\\u0000); dat kan niet worden opgeslagen' };
      if (LOSSE_SURROGAAT.test(v)) return { name: pad, reason: 'bevat een ongeldig Unicode-teken (een losse surrogaat)' };
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stapel.push({ v: x, pad: `${pad}[${i}]`, diepte: diepte + 1 }));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes(NUL) || LOSSE_SURROGAAT.test(k)) return { name: pad, reason: 'een veldnaam bevat een ongeldig teken' };
        stapel.push({ v: x, pad: `${pad}.${k}`, diepte: diepte + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Bad input is a 400 naming the field, before it reaches validation or the database (which would
 * answer a NUL character or a lone surrogate with an error, and deep JSON with a stack overflow): never
 * a 500, and nothing changes. So is an X-Correlation-ID in a form the system reserves for itself.
 */
@Injectable()
export class InvoerGrenzenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const correlatie = req.headers['x-correlation-id'];
    if (typeof correlatie === 'string' && correlatie.length > MAX_CORRELATIE) {
      throw ProblemException.invalid([{ name: 'X-Correlation-ID', reason: `hooguit ${MAX_CORRELATIE} tekens` }]);
    }
    if (typeof correlatie === 'string' && GERESERVEERDE_CORRELATIE.test(correlatie)) {
      throw ProblemException.invalid([
        { name: 'X-Correlation-ID', reason: "begint niet met 'termijn.' of 'import.': die vormen schrijft Klachtregie zelf" },
      ]);
    }
    const fout = invoerFout(req.body, 'body') ?? invoerFout(req.query, 'query') ?? invoerFout(req.params, 'path');
    if (fout) throw ProblemException.invalid([fout]);
    return true;
  }
}
