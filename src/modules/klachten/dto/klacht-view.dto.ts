import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VELD_SOORTEN } from '../../../machines/compiler/gebeurtenissen';
import { TERMIJN_STATUSSEN } from '../../termijnen/termijn.entity';
import { PaginaDto } from '../../paginering/pagina.dto';
import { AanbiederDto } from './klacht-intake.dto';
import { RegistratieWaardenDto } from './registratie.dto';

/** One data field an event needs. */
export class DataVeldDto {
  @ApiProperty({ example: 'oordeel' }) naam: string;
  @ApiProperty() verplicht: boolean;
  @ApiProperty({
    enum: VELD_SOORTEN,
    description:
      'tekst; teksten (tekst of lijst teksten); keuze (een van waarden); jaNee (true/false); waar (moet true zijn); duur (ISO 8601, bijv. P4W); datum (JJJJ-MM-DD); termijn (naam van een lopende termijn, in waarden); intake (object: een nieuwe intake); registratie (object, waarden in registratieWaarden).',
  })
  soort: string;
  @ApiProperty() omschrijving: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Bij keuze: de waarden die nu zijn toegestaan (bij een termijn: de lopende termijnen).',
  })
  waarden?: string[];
}

/** An event the caller may send now (POST /klachten/{id}/gebeurtenissen), with its data. */
export class VolgendeGebeurtenisDto {
  @ApiProperty({ example: 'AFDOENEN' }) type: string;
  @ApiProperty({ example: 'klacht afgedaan met een schriftelijk, gemotiveerd oordeel' }) omschrijving: string;
  @ApiProperty({ type: [DataVeldDto] }) data: DataVeldDto[];
}

/** A reminder of a termijn (HerinneringRecord, termijn.entity.ts). */
export class HerinneringDto {
  @ApiProperty({ example: 'eenWeekVoorAfloop' }) naam: string;
  @ApiProperty({ format: 'date', description: 'Dag van de herinnering (Europe/Amsterdam).' }) datum: string;
  @ApiProperty({ example: 'behandelaar' }) naar: string;
  @ApiProperty({ format: 'date-time', description: 'Begin van die dag.' }) op: string;
  @ApiPropertyOptional({ format: 'date-time' }) verzondenOp?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Niet verzonden: de herinnering kwam pas aan de beurt toen de termijn al verstreken was.',
  })
  overgeslagenOp?: string;
}

/** A change of a termijn (TermijnMutatie, src/machines/contract.ts): verdaging, opschorting, hervatting or instemming. */
export class MutatieDto {
  @ApiProperty({ enum: ['verdaging', 'opschorting', 'hervatting', 'instemming'] }) soort: string;
  @ApiProperty({ format: 'date-time', description: 'Wanneer (bij verdaging: de schriftelijke mededeling).' }) at: string;
  @ApiPropertyOptional({ description: 'Verdaging: ISO 8601-duur (Awb 9:11 lid 2).', example: 'P2W' }) duur?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Instemming: de afgesproken datum (Awb 9:11 lid 3).' }) tot?: string;
  @ApiPropertyOptional({ description: 'Instemming: schriftelijk gegeven.' }) schriftelijk?: boolean;
  @ApiPropertyOptional() reden?: string;
  @ApiProperty({ format: 'date', description: 'De vervaldatum na deze wijziging.' }) vervaldatumNa: string;
  @ApiPropertyOptional({
    format: 'date',
    description:
      'De vervaldatum vlak vóór deze wijziging; bij de eerste verdaging of instemming de laatste dag van vóór de verlenging. Ontbreekt bij wijzigingen die zijn vastgelegd voordat Klachtregie dit bijhield.',
  })
  vervaldatumVoor?: string;
  @ApiPropertyOptional({
    format: 'date',
    description:
      'De laatste dag die de termijn na deze wijziging zou hebben als hij nooit was verlengd (geen verdaging, geen uitstel met instemming): de oorspronkelijke laatste dag, alleen verschoven met de dagen dat hij was opgeschort (voorlopig zolang hij is opgeschort). Nagekomen uiterlijk op deze dag is op tijd, ook als de termijn was verlengd. Ontbreekt bij wijzigingen die zijn vastgelegd voordat Klachtregie dit bijhield.',
  })
  vervaldatumZonderVerlenging?: string;
}

export class TermijnViewDto {
  @ApiProperty({ example: 'afhandeling' }) naam: string;
  @ApiProperty({ example: 'Afhandeltermijn (Awb 9:11)' }) label: string;
  @ApiProperty({ example: '2026-05-18', format: 'date' }) vervaldatum: string;
  @ApiProperty({ description: 'Moment waarop de termijn verstreken is (einde van de laatste dag, Europe/Amsterdam).', format: 'date-time' })
  vervaltOp: string;
  @ApiProperty({ type: [String], description: 'Uitleg van de berekening, een regel per stap.' }) uitleg: string[];
  @ApiProperty({ enum: TERMIJN_STATUSSEN }) status: string;
  @ApiProperty() revision: number;
  @ApiProperty({ type: [HerinneringDto] }) herinneringen: HerinneringDto[];
  @ApiPropertyOptional({ type: String, nullable: true, example: 'leidinggevende' }) escalatieNaar: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Awb 9:11 lid 1' }) grondslag: string | null;
  @ApiProperty({ type: [MutatieDto] }) mutaties: MutatieDto[];
  @ApiProperty({
    description:
      'Een verplichting van gemeente of aanbieder (false: een termijn van de klager, zoals het jaar voor de ombudsman, Awb 9:24).',
  })
  verplichting: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['aanbieder', 'gemeente'],
    description:
      'Van wie de termijn is waar de naam dat niet zegt: `contact` van de aanbieder (contract, Klachtenprotocol Wmo keten) of van de gemeente (haar klachtenregeling); een klacht die naar de gemeente gaat, kan beide hebben. Null bij elke andere termijn.',
  })
  voor: 'aanbieder' | 'gemeente' | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Een verlopen verplichting: wanneer ze alsnog is nagekomen of de klacht eindigde (daarna niet meer te laat).',
  })
  geslotenOp: string | null;
  @ApiProperty({
    description:
      'Te laat: een verplichting waarvan de termijn voorbij is en die nog niet is nagekomen, zolang de klacht loopt (docs/te-laat.md).',
  })
  overdue: boolean;
}

export class GebeurtenisViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'KLACHT_ONTVANGEN' }) type: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null bij de eerste gebeurtenis.' }) vanState: string | null;
  @ApiProperty() naarState: string;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true, description: 'X-Correlation-ID van het verzoek dat de gebeurtenis bracht.' }) correlationId:
    string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
}

export class KlachtViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'GM0363' }) gemeente: string;
  @ApiProperty({ example: 'gm0363-amsterdam' }) definitieId: string;
  @ApiProperty({ example: '2015-01' }) definitieVersie: string;
  @ApiProperty({ example: 'intern.inBehandeling' }) state: string;
  @ApiProperty() done: boolean;
  @ApiProperty() version: number;
  @ApiProperty() soort: string;
  @ApiProperty() kanaal: string;
  @ApiProperty({ format: 'date-time' }) ontvangenOp: string;
  @ApiProperty() ingediendBij: string;
  @ApiProperty({ type: String, nullable: true }) onderwerp: string | null;
  @ApiProperty({ type: [AanbiederDto] }) aanbieders: AanbiederDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Aard van de klacht (registratie.aard).' }) categorie: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Oorzaak (registratie.oorzaak).' }) oorzaak: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Afwikkeling (registratie.afwikkeling).' }) afdoening: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Oordeel uit AFDOENEN (Awb 9:12 lid 1).' }) oordeel: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Tevredenheid van de klager (registratie.tevredenheid, of uit KLAGER_TEVREDEN / KLAGER_ONTEVREDEN).',
  })
  tevredenheid: string | null;
  @ApiProperty({ type: [String], description: 'Maatregelen (registratie.maatregelen).' }) maatregelen: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) feiten: Record<string, unknown>;
  @ApiProperty({
    type: [VolgendeGebeurtenisDto],
    description:
      'Gebeurtenissen die de aanroeper nu kan sturen (POST /klachten/{id}/gebeurtenissen), met de data die elk nodig heeft. Gebeurtenissen van het systeem zelf (TERMIJN_VERLOPEN) staan er niet in.',
  })
  volgendeEvents: VolgendeGebeurtenisDto[];
  @ApiPropertyOptional({
    type: RegistratieWaardenDto,
    nullable: true,
    description: 'De toegestane registratiewaarden van de definitieversie van deze klacht.',
  })
  registratieWaarden: RegistratieWaardenDto | null;
  @ApiProperty({
    description:
      'De klacht is te laat: een verplichting is over haar termijn en nog niet nagekomen (docs/te-laat.md); dezelfde definitie als overdue=true, het procesoverzicht en de rapportage.',
  })
  teLaat: boolean;
  @ApiProperty({ type: [TermijnViewDto] }) termijnen: TermijnViewDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class KlachtDetailDto extends KlachtViewDto {
  @ApiProperty({ type: [GebeurtenisViewDto] }) gebeurtenissen: GebeurtenisViewDto[];
}

export class KlachtPaginaDto extends PaginaDto {
  @ApiProperty({ type: [KlachtViewDto] }) resultaten: KlachtViewDto[];
}
