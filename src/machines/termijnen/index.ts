/**
 * The legal termijnen calendar (pure): Algemene termijnenwet holidays, due dates with a Dutch
 * explanation, and the termijn ledger (verdaging, opschorting/hervatting, instemming).
 */
export { TermijnFout } from './termijn-fout';
export type { GeparseerdeDuur, DuurEenheid } from './duur';
export { parseDuur, beschrijfDuur, addDays, addWeeks, addMonths, addYears } from './duur';
export type { Kalender, Feestdag } from './kalender';
export { pasen, atwFeestdag, atwFeestdagen, isWerkdag } from './kalender';
export { STANDAARD_GELIJKGESTELDE_DAGEN, BRON_GELIJKGESTELDE_DAGEN, GELIJKGESTELDE_DAGEN_BEKEND } from './gelijkgestelde-dagen.data';
export type { GelijkgesteldeDag } from './gelijkgestelde-dagen.data';
export type { TermijnInvoer, TermijnUitkomst } from './bereken-termijn';
export { berekenTermijn, herinneringsDatum, atwVanToepassing } from './bereken-termijn';
export type { Mutatie, TermijnLedger, HerberekenUitkomst } from './termijn-ledger';
export { herbereken, voegMutatieToe } from './termijn-ledger';
export { kalenderdag, leesbareDatum } from './kalenderdag';
