import { PaginaDto } from '../paginering/pagina.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DataVeldDto } from '../klachten/dto/klacht-view.dto';
import { PaginaQuery } from '../paginering/pagina.query';

export class DefinitieYamlDto {
  @ApiProperty({
    description: 'De definitie als YAML (zie docs/definities.md).',
    example: "gemeente:\n  cbsCode: GM0363\n  naam: Amsterdam\nversie: '2026-01'\n...",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500_000)
  yaml: string;
}

export class DefinitieFoutDto {
  @ApiProperty({ example: 'gm0363-amsterdam/2026-01.yaml' }) file: string;
  @ApiProperty({ example: 12 }) line: number;
  @ApiProperty({ example: 3 }) column: number;
  @ApiProperty({ example: 'afhandeling: 8 weken is langer dan Awb 9:11 toestaat (6 weken)' }) message: string;
  @ApiPropertyOptional({ description: 'Wat u in plaats daarvan schrijft.' }) hint?: string;
  @ApiPropertyOptional({
    enum: ['waarschuwing'],
    description:
      'Alleen bij een waarschuwing: de definitie is geldig, maar zegt waarschijnlijk niet wat bedoeld is. Zonder ernst: een fout.',
  })
  ernst?: 'waarschuwing';
  @ApiProperty({ description: 'file:line:column: message', example: 'gm0363-amsterdam/2026-01.yaml:12:3: ...' }) tekst: string;
}

export class DefinitieValidatieDto {
  @ApiProperty({ example: 'gm0363-amsterdam' }) definitieId: string;
  @ApiPropertyOptional({ example: '2026-01' }) versie?: string;
  @ApiProperty() geldig: boolean;
  @ApiProperty({ type: [DefinitieFoutDto] }) fouten: DefinitieFoutDto[];
  @ApiProperty({
    type: [DefinitieFoutDto],
    description: 'Bevindingen die de definitie niet ongeldig maken, maar waarschijnlijk niet bedoeld zijn (ernst: waarschuwing).',
  })
  waarschuwingen: DefinitieFoutDto[];
}

export class DefinitieVersieDto {
  @ApiProperty({ example: 'gm0363-amsterdam' }) definitieId: string;
  @ApiProperty({ example: 'GM0363' }) gemeente: string;
  @ApiProperty({ example: 'Amsterdam' }) gemeenteNaam: string;
  @ApiProperty({ example: '2015-01' }) versie: string;
  @ApiProperty({ format: 'date', example: '2015-01-01' }) geldigVanaf: string;
  @ApiPropertyOptional({ format: 'date', example: '2026-12-31' }) geldigTot?: string;
  @ApiProperty({ enum: ['repository', 'api'], description: 'repository: definitions/ in de code; api: gepubliceerd met POST /definities' })
  bron: 'repository' | 'api';
}

export class DefinitieDto {
  @ApiProperty({ example: 'gm0363-amsterdam' }) id: string;
  @ApiProperty({ example: 'GM0363' }) gemeente: string;
  @ApiProperty({ type: [DefinitieVersieDto], description: 'Nieuwste eerst' }) versies: DefinitieVersieDto[];
}

export class DefinitieLijstDto extends PaginaDto {
  @ApiProperty({ type: [DefinitieVersieDto] }) resultaten: DefinitieVersieDto[];
}

export { PaginaQuery };

export class DiagramQuery {
  @ApiPropertyOptional({ enum: ['mermaid', 'svg', 'json'], default: 'json' })
  @IsOptional()
  @IsIn(['mermaid', 'svg', 'json'])
  formaat?: 'mermaid' | 'svg' | 'json';

  @ApiPropertyOptional({ description: 'Versie; standaard de versie die vandaag geldt (of de nieuwste).', example: '2015-01' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/)
  versie?: string;
}

export class GebeurtenisTypeDto {
  @ApiProperty({ example: 'AFDOENEN' }) type: string;
  @ApiProperty({ example: 'klacht afgedaan met een oordeel' }) omschrijving: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Velden van data; een ? betekent optioneel.' })
  data: Record<string, string>;
  @ApiProperty({
    type: [DataVeldDto],
    description: 'Dezelfde velden met hun soort en vaste waarden, zoals POST /klachten/{id}/gebeurtenissen ze controleert (fout: 422).',
  })
  velden: DataVeldDto[];
}

// ---------------------------------------------------------------------------------------------
// 4-ogen: proposals, their approval or rejection, and the audit trail (definitie-voorstellen.service.ts)
// ---------------------------------------------------------------------------------------------
const STATUSSEN = ['voorgesteld', 'goedgekeurd', 'afgewezen'] as const;

export class KlachtenOpVersieDto {
  @ApiProperty({ example: 'gm0363-amsterdam' }) definitieId: string;
  @ApiProperty({ example: '2015-01' }) versie: string;
  @ApiProperty({ example: 2 }) klachten: number;
}

export class TerugwerkendeKrachtDto {
  @ApiProperty({
    format: 'date',
    example: '2026-09-15',
    description: 'De dag van goedkeuring: de Nederlandse kalenderdag van de klok van de dienst',
  })
  vandaag: string;
  @ApiProperty({ format: 'date', example: '2026-09-01', description: 'De eerste dag waarop de versie terugwerkt: haar geldigVanaf' })
  van: string;
  @ApiProperty({
    format: 'date',
    example: '2026-09-14',
    description:
      'De laatste verstreken dag die zij dekt: gisteren, of haar geldigTot als die eerder is, of de dag vóór een al gepubliceerde versie van de gemeente die later begint',
  })
  tot: string;
  @ApiProperty({ example: 14, description: 'Het aantal dagen van van tot en met tot' }) dagen: number;
  @ApiProperty({
    example: 2,
    description:
      'Klachten van de gemeente (en van een gemeente die zij dan al overnam) ontvangen in die dagen: zij lopen op de versie van hun registratie en blijven daarop',
  })
  klachten: number;
  @ApiProperty({ type: [KlachtenOpVersieDto], description: 'Dezelfde klachten per versie waarop zij lopen' })
  perVersie: KlachtenOpVersieDto[];
  @ApiProperty({ description: 'Hetzelfde in woorden, voor wie goedkeurt' }) melding: string;
}

export class GesplitsteDagDto {
  @ApiProperty({
    format: 'date',
    example: '2026-09-15',
    description: 'De dag van goedkeuring (de Nederlandse kalenderdag van de klok van de dienst), waarop de versie geldt',
  })
  dag: string;
  @ApiProperty({
    example: 2,
    description:
      'Klachten van de gemeente (en van een gemeente die zij dan al overnam) ontvangen op die dag en al vóór de goedkeuring geregistreerd: zij blijven op hun versie; een klacht van die dag die later wordt geregistreerd, volgt de nieuwe',
  })
  klachten: number;
  @ApiProperty({ type: [KlachtenOpVersieDto], description: 'Dezelfde klachten per versie waarop zij lopen' })
  perVersie: KlachtenOpVersieDto[];
  @ApiProperty({ description: 'Hetzelfde in woorden, voor wie goedkeurt' }) melding: string;
}

export class GoedkeuringDto {
  @ApiPropertyOptional({
    description:
      'Verplicht true als de versie terugwerkt (geldigVanaf vóór de dag van goedkeuring): wie goedkeurt bevestigt dan bewust dat zij geldt voor dagen die al voorbij zijn, wat alleen mag waar het de klager niet benadeelt (rechtszekerheid). Zonder bevestiging: 422 terugwerkende-kracht. Bij een geldigVanaf van vandaag of later verandert het niets. Zonder: false.',
  })
  @IsOptional()
  @IsBoolean({ message: 'terugwerkendeKrachtBevestigd is true of false' })
  terugwerkendeKrachtBevestigd?: boolean;
}

export class VoorstelStapDto {
  @ApiProperty({ enum: STATUSSEN, description: 'De stap: voorgesteld, goedgekeurd of afgewezen' }) stap:
    'voorgesteld' | 'goedgekeurd' | 'afgewezen';
  @ApiProperty({ example: 'api-sleutel:3f1e3f2c-7e0a-4b8f-9d3c-2b0e6f1a9c11', description: 'Wie: de sleutel of het token (subject)' })
  door: string;
  @ApiProperty({ example: 'Sanne Jansen', description: 'De naam van de sleutel of medewerker op het moment van de stap' }) doorNaam: string;
  @ApiProperty({ format: 'date-time' }) op: string;
  @ApiPropertyOptional({ description: 'De reden (verplicht bij afwijzen)' }) reden?: string;
  @ApiProperty({ example: 'gm0363-amsterdam' }) definitieId: string;
  @ApiProperty({ example: '2026-10' }) versie: string;
  @ApiProperty({ format: 'uuid' }) voorstelId: string;
  @ApiPropertyOptional({
    type: TerugwerkendeKrachtDto,
    description: 'Alleen bij goedgekeurd met terugwerkende kracht: wat wie goedkeurde heeft bevestigd',
  })
  terugwerkendeKracht?: TerugwerkendeKrachtDto;
}

export class VoorstelDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'gm0363-amsterdam' }) definitieId: string;
  @ApiProperty({ example: 'GM0363' }) gemeente: string;
  @ApiProperty({ example: '2026-10' }) versie: string;
  @ApiProperty({ format: 'date', example: '2026-10-01' }) geldigVanaf: string;
  @ApiProperty({
    enum: STATUSSEN,
    description:
      'voorgesteld: wacht op een tweede beleidsmedewerker; goedgekeurd: gepubliceerd, geldt vanaf geldigVanaf; afgewezen: met reden',
  })
  status: 'voorgesteld' | 'goedgekeurd' | 'afgewezen';
  @ApiProperty() voorgesteldDoor: string;
  @ApiProperty({ format: 'date-time' }) voorgesteldOp: string;
  @ApiPropertyOptional() beoordeeldDoor?: string;
  @ApiPropertyOptional({ format: 'date-time' }) beoordeeldOp?: string;
  @ApiPropertyOptional({ description: 'Reden van de afwijzing' }) reden?: string;
  @ApiProperty({ description: 'De voorgestelde YAML, ongewijzigd' }) yaml: string;
  @ApiProperty({
    type: [DefinitieFoutDto],
    description:
      'De waarschuwingen van de validatie bij het voorstellen (geldig, maar waarschijnlijk niet bedoeld): lees ze vóór het goedkeuren. Verdeelde de goedkeuring de klachten van haar dag over twee versies (gesplitsteDag), dan staat dat er sindsdien ook.',
  })
  waarschuwingen: DefinitieFoutDto[];
  @ApiProperty({ type: [VoorstelStapDto], description: 'Het auditspoor van dit voorstel, oudste eerst' }) stappen: VoorstelStapDto[];
  @ApiPropertyOptional({
    type: TerugwerkendeKrachtDto,
    description:
      'voorgesteld: de geldigVanaf ligt vóór vandaag, dus goedkeuren vraagt terugwerkendeKrachtBevestigd (met wat de versie vandaag zou terugwerken); goedgekeurd: goedgekeurd met terugwerkende kracht, zoals bevestigd. Anders afwezig.',
  })
  terugwerkendeKracht?: TerugwerkendeKrachtDto;
  @ApiPropertyOptional({
    type: GesplitsteDagDto,
    description:
      'Waarschuwing, geen weigering. voorgesteld: goedkeuren zou vandaag de klachten van vandaag over twee versies verdelen (de versie geldt vandaag en er zijn al klachten van vandaag geregistreerd, die op hun versie blijven); het antwoord op de goedkeuring: zo bij de goedkeuring, en dan ook als waarschuwing in waarschuwingen bewaard. Anders afwezig.',
  })
  gesplitsteDag?: GesplitsteDagDto;
}

export class VoorstelLijstDto extends PaginaDto {
  @ApiProperty({ type: [VoorstelDto] }) resultaten: VoorstelDto[];
}

export class VoorstelStappenLijstDto extends PaginaDto {
  @ApiProperty({ type: [VoorstelStapDto] }) resultaten: VoorstelStapDto[];
}

export class VoorstelQuery extends PaginaQuery {
  @ApiPropertyOptional({ enum: STATUSSEN, description: 'Alleen voorstellen met deze status (bijv. voorgesteld: wat op beoordeling wacht)' })
  @IsOptional()
  @IsIn([...STATUSSEN], { message: `status is een van ${STATUSSEN.join(', ')}` })
  status?: 'voorgesteld' | 'goedgekeurd' | 'afgewezen';
}

export class AfwijzingDto {
  @ApiProperty({
    description: 'Waarom het voorstel is afgewezen; verplicht, zodat de indiener weet wat er anders moet.',
    example: 'De contacttermijn moet 5 werkdagen blijven (Klachtenprotocol Wmo keten §6).',
  })
  @IsString({ message: 'reden is verplicht: schrijf waarom het voorstel is afgewezen' })
  @Matches(/\S/, { message: 'reden is verplicht: schrijf waarom het voorstel is afgewezen' })
  @MaxLength(2000, { message: 'reden is te lang (meer dan 2000 tekens)' })
  reden: string;
}

export class VersieQuery {
  @ApiPropertyOptional({ description: 'Versie; standaard de versie die vandaag geldt (of de nieuwste).', example: '2015-01' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'versie bestaat uit 1 tot 40 letters, cijfers, punt, streep of liggend streepje' })
  versie?: string;
}

export class DefinitieTekstDto {
  @ApiProperty({ example: 'gm0363-amsterdam' }) definitieId: string;
  @ApiProperty({ example: '2015-01' }) versie: string;
  @ApiProperty({ format: 'date', example: '2015-01-01' }) geldigVanaf: string;
  @ApiProperty({ description: 'De YAML zoals gepubliceerd' }) yaml: string;
}
