import { HttpException, HttpStatus } from '@nestjs/common';

/** Stable URIs for problem types: `https://klachtregie.nl/problemen/<code>`. */
export const PROBLEM_TYPE_BASE = 'https://klachtregie.nl/problemen/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One rejected input field (NL API Design Rules, /core/error-handling/invalid-input). */
export interface InvalidParam {
  /** Path of the field, e.g. `aanbieder.naam` or `feiten[0]`. */
  name: string;
  reason: string;
}

/** RFC 9457 problem details, with Klachtregie's stable `code` and `invalidParams` extensions. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable, machine-readable, Dutch kebab-case: `validatie-fout`, `niet-gevonden`, ... */
  code: string;
  invalidParams?: InvalidParam[];
  [extension: string]: unknown;
}

/** Default code and title per HTTP status, for errors that did not name their own. */
export const STATUS_PROBLEMS: Record<number, { code: string; title: string }> = {
  400: { code: 'ongeldig-verzoek', title: 'Het verzoek is ongeldig' },
  401: { code: 'niet-geauthenticeerd', title: 'Niet geauthenticeerd' },
  403: { code: 'geen-toegang', title: 'Geen toegang' },
  404: { code: 'niet-gevonden', title: 'Niet gevonden' },
  405: { code: 'methode-niet-toegestaan', title: 'Methode niet toegestaan' },
  406: { code: 'niet-acceptabel', title: 'Gevraagd mediatype niet beschikbaar' },
  409: { code: 'conflict', title: 'Conflict met de huidige toestand' },
  410: { code: 'verdwenen', title: 'Niet meer beschikbaar' },
  412: { code: 'voorwaarde-niet-voldaan', title: 'Voorwaarde niet voldaan' },
  413: { code: 'verzoek-te-groot', title: 'Het verzoek is te groot' },
  415: { code: 'mediatype-niet-ondersteund', title: 'Mediatype niet ondersteund' },
  422: { code: 'niet-verwerkbaar', title: 'Het verzoek kan niet worden verwerkt' },
  429: { code: 'te-veel-verzoeken', title: 'Te veel verzoeken' },
  500: { code: 'interne-fout', title: 'Interne fout' },
  502: { code: 'ongeldig-antwoord', title: 'Ongeldig antwoord van een achterliggende dienst' },
  503: { code: 'niet-beschikbaar', title: 'De dienst is tijdelijk niet beschikbaar' },
  504: { code: 'time-out', title: 'Achterliggende dienst antwoordt niet op tijd' },
};

export function defaultProblemFor(status: number): { code: string; title: string } {
  return STATUS_PROBLEMS[status] ?? (status >= 500 ? STATUS_PROBLEMS[500] : STATUS_PROBLEMS[400]);
}

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_BASE}${code}`;
}

export interface ProblemInit {
  status: number;
  /** Stable code; defaults to the status's code (e.g. 404 -> niet-gevonden). */
  code?: string;
  title?: string;
  detail: string;
  invalidParams?: InvalidParam[];
  /** Extra members, e.g. `{ toegestaneGebeurtenissen: [...] }`. */
  extensions?: Record<string, unknown>;
}

/**
 * Throw this from any module to answer with a problem+json (the global filter renders it):
 * `throw new ProblemException({ status: 409, code: 'gebeurtenis-niet-toegestaan', title: ..., detail: ... })`.
 */
export class ProblemException extends HttpException {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly invalidParams?: InvalidParam[];
  readonly extensions: Record<string, unknown>;

  constructor(init: ProblemInit) {
    const fallback = defaultProblemFor(init.status);
    super(init.detail, init.status);
    this.code = init.code ?? fallback.code;
    this.title = init.title ?? fallback.title;
    this.detail = init.detail;
    this.invalidParams = init.invalidParams;
    this.extensions = init.extensions ?? {};
  }

  static notFound(detail: string, code = 'niet-gevonden'): ProblemException {
    return new ProblemException({ status: HttpStatus.NOT_FOUND, code, detail });
  }

  static conflict(code: string, title: string, detail: string, extensions?: Record<string, unknown>): ProblemException {
    return new ProblemException({ status: HttpStatus.CONFLICT, code, title, detail, extensions });
  }

  static invalid(invalidParams: InvalidParam[], detail = 'Een of meer velden zijn ongeldig.'): ProblemException {
    return new ProblemException({
      status: HttpStatus.BAD_REQUEST,
      code: 'validatie-fout',
      title: 'Validatiefout',
      detail,
      invalidParams,
    });
  }

  toProblem(instance?: string): ProblemDetails {
    return {
      ...this.extensions,
      type: problemType(this.code),
      title: this.title,
      status: this.getStatus(),
      detail: this.detail,
      ...(instance ? { instance } : {}),
      code: this.code,
      ...(this.invalidParams ? { invalidParams: this.invalidParams } : {}),
    };
  }
}
