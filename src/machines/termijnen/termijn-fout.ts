/**
 * Bad input for the termijnen calendar (a date that does not exist, a duration the law does not
 * count in, a refused verdaging). The message is Dutch and says what to write instead, so the API,
 * the CLI and the definition loader can show it to a beleidsmedewerker unchanged.
 */
export class TermijnFout extends Error {
  constructor(
    message: string,
    /** Stable code for problem+json responses, e.g. `ongeldige-duur`, `verdaging-te-lang`. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'TermijnFout';
  }
}
