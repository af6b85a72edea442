import type { LoggerService, LogLevel } from '@nestjs/common';
import { huidigVerzoek } from './verzoek-context';

/** Nest's levels in order of severity (a configured level includes the ones before it). */
const NIVEAUS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** 'json': one JSON object per line (for collectors); 'pretty': one readable line (a terminal). */
export type LogFormaat = 'json' | 'pretty';

/**
 * Framework start-up chatter (one line per module and per route, ~75 lines) that says nothing an
 * operator acts on: written at debug instead of log, so LOG_LEVEL=debug still shows it.
 */
const STIL_BIJ_START = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

export interface KlachtregieLoggerOptions {
  level: LogLevel;
  format: LogFormaat;
  /** Where a finished line goes; default stdout. */
  schrijf?: (regel: string) => void;
  /** ANSI colours in the pretty format (only on a terminal, never with NO_COLOR). */
  kleur?: boolean;
}

const KLEUR: Record<LogLevel, string> = {
  fatal: '\x1b[1;31m',
  error: '\x1b[31m',
  warn: '\x1b[33m',
  log: '\x1b[32m',
  debug: '\x1b[35m',
  verbose: '\x1b[36m',
};

/**
 * The service's logger (bootstrap.ts installs it for Nest): one line per event with the time in
 * ISO 8601 UTC, the level, the message, the context (class or area) and, inside an HTTP request,
 * its requestId and correlationId. Errors keep their stack in `stack`. No colours unless writing
 * pretty lines to a terminal.
 */
export class KlachtregieLogger implements LoggerService {
  private drempel: number;
  private readonly schrijf: (regel: string) => void;

  constructor(private readonly options: KlachtregieLoggerOptions) {
    this.drempel = NIVEAUS.indexOf(options.level);
    this.schrijf = options.schrijf ?? ((r) => process.stdout.write(`${r}\n`));
  }

  setLogLevels(levels: LogLevel[]): void {
    this.drempel = Math.max(...levels.map((l) => NIVEAUS.indexOf(l)));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.schrijfRegel('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.schrijfRegel('error', message, rest, true);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.schrijfRegel('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.schrijfRegel('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.schrijfRegel('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.schrijfRegel('fatal', message, rest, true);
  }

  private schrijfRegel(gevraagd: LogLevel, message: unknown, rest: unknown[], metStack = false): void {
    // Nest passes the context as the last string argument; error() passes a stack before it.
    const params = [...rest];
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const level: LogLevel = gevraagd === 'log' && context && STIL_BIJ_START.has(context) ? 'debug' : gevraagd;
    if (NIVEAUS.indexOf(level) > this.drempel) return;
    let msg: string;
    let stack: string | undefined;
    if (message instanceof Error) {
      msg = message.message;
      stack = message.stack;
    } else {
      msg = typeof message === 'string' ? message : JSON.stringify(message);
    }
    if (metStack && typeof params[0] === 'string' && params[0].includes('\n')) stack = params[0];
    const verzoek = huidigVerzoek();
    const time = new Date().toISOString();
    if (this.options.format === 'json') {
      this.schrijf(
        JSON.stringify({
          time,
          level,
          msg,
          ...(context ? { context } : {}),
          ...(verzoek ? { requestId: verzoek.requestId } : {}),
          ...(verzoek?.correlationId ? { correlationId: verzoek.correlationId } : {}),
          ...(stack ? { stack } : {}),
        }),
      );
      return;
    }
    const niveau = level.toUpperCase().padEnd(7);
    const ids = verzoek ? ` (request ${verzoek.requestId}${verzoek.correlationId ? `, correlation ${verzoek.correlationId}` : ''})` : '';
    const kop = this.options.kleur ? `${KLEUR[level]}${niveau}\x1b[0m` : niveau;
    this.schrijf(`${time} ${kop} ${context ? `[${context}] ` : ''}${msg}${ids}${stack ? `\n${stack}` : ''}`);
  }
}

/** LOG_FORMAT=auto: pretty on a terminal, JSON when stdout goes to a file, a pipe or a collector. */
export function kiesLogFormaat(ingesteld: 'auto' | LogFormaat, stdoutIsTty: boolean): LogFormaat {
  return ingesteld === 'auto' ? (stdoutIsTty ? 'pretty' : 'json') : ingesteld;
}
