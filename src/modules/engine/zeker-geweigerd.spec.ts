import { DatabaseError } from 'pg';
import { zekerGeweigerd } from './engine.service';

/** A server message as node-postgres builds it: severity as the server sent it (translated by lc_messages), SQLSTATE. */
function fout(severity: string, code: string): DatabaseError {
  const e = new DatabaseError('melding', 0, 'error');
  e.severity = severity;
  e.code = code;
  return e;
}

describe('after a failed group: refused for certain (run again) or outcome unknown (never run again)', () => {
  it('an ERROR aborts the transaction: refused, whatever its SQLSTATE', () => {
    expect(zekerGeweigerd(fout('ERROR', '23505'))).toBe(true);
    expect(zekerGeweigerd(fout('ERROR', '57014'))).toBe(true);
  });

  it('a FATAL or PANIC ends the session, perhaps after the COMMIT ran: unknown', () => {
    expect(zekerGeweigerd(fout('FATAL', '57P01'))).toBe(false);
    expect(zekerGeweigerd(fout('PANIC', 'XX000'))).toBe(false);
  });

  it('a translated severity (lc_messages nl_NL: FOUT, FATAAL) is judged by its SQLSTATE', () => {
    expect(zekerGeweigerd(fout('FOUT', '23505'))).toBe(true);
    expect(zekerGeweigerd(fout('FOUT', '40P01'))).toBe(true);
    expect(zekerGeweigerd(fout('FATAAL', '57P01'))).toBe(false);
    expect(zekerGeweigerd(fout('FATAAL', '08006'))).toBe(false);
    expect(zekerGeweigerd(fout('FATAAL', 'XX000'))).toBe(false);
  });

  it('anything that is not a message from the server (a broken socket, a timeout) is unknown', () => {
    expect(zekerGeweigerd(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(zekerGeweigerd(undefined)).toBe(false);
  });
});
