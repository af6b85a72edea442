import { PaginaDto } from '../paginering/pagina.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class BewaarBlokkadeDto {
  @ApiProperty({ example: 'Woo-verzoek 2026-014 loopt', description: 'waarom de klacht niet vernietigd mag worden' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reden: string;
}

/** Why a bewaarblokkade or a 13.1.3 mark is lifted: required, recorded in the klacht's bewaarhistorie. */
export class BewaarOpheffenDto {
  @ApiProperty({
    example: 'Woo-verzoek 2026-014 afgehandeld',
    description: 'waarom de blokkade of markering wordt opgeheven (verplicht; staat in de bewaarhistorie van de klacht)',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reden: string;
}

/** A klacht's bewaarblokkade as it now stands (the answer to PUT /klachten/{id}/bewaarblokkade). */
export class BewaarBlokkadeStandDto {
  @ApiProperty({ format: 'uuid' }) klachtId: string;
  @ApiProperty({ example: 'Woo-verzoek 2026-014 loopt', description: 'waarom de klacht niet vernietigd mag worden' }) reden: string;
  @ApiProperty({ description: 'wie de blokkade zette' }) door: string;
  @ApiProperty({ format: 'date-time', description: 'wanneer de blokkade gezet is' }) op: string;
}

/** Selectielijst gemeenten 2020, 13.1.3: the klacht affected a zaak the gemeente keeps permanently. */
export class BlijvendBewarenDto {
  @ApiProperty({
    example: 'ZAAK-2024-000123',
    description:
      'de blijvend te bewaren zaak waarop de klacht invloed had (Selectielijst gemeenten 2020, 13.1.3): haar identificatie in het zaaksysteem of een omschrijving',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  zaak: string;
}

/** A klacht's 13.1.3 mark as it now stands (the answer to PUT /klachten/{id}/blijvend-bewaren). */
export class BlijvendBewarenStandDto {
  @ApiProperty({ format: 'uuid' }) klachtId: string;
  @ApiProperty({ example: 'ZAAK-2024-000123', description: 'de blijvend te bewaren zaak waarop de klacht invloed had' }) zaak: string;
  @ApiProperty({ example: 'Selectielijst gemeenten 2020, 13.1.3' }) grondslag: string;
  @ApiProperty({ description: 'wie de markering zette' }) door: string;
  @ApiProperty({ format: 'date-time', description: 'wanneer de markering gezet is' }) op: string;
}

/** One setting or lifting of a bewaarblokkade or a 13.1.3 mark: who, in which role, when, what and why. */
export class BewaarHandelingDto {
  @ApiProperty({ enum: ['bewaarblokkade', 'blijvendBewaren'] }) maatregel: string;
  @ApiProperty({ enum: ['gezet', 'opgeheven'] }) handeling: string;
  @ApiProperty({ description: 'de reden van de blokkade of de zaak van de markering (13.1.3), zoals gezet of opgeheven' }) grond: string;
  @ApiPropertyOptional({ description: 'waarom opgeheven (alleen bij opgeheven)' }) reden?: string;
  @ApiProperty({ description: 'wie het deed (api-sleutel:<id> of oidc:<sub>)' }) door: string;
  @ApiPropertyOptional({ description: 'in welke rol; ontbreekt bij een blokkade of markering van vóór deze historie' }) rol?: string;
  @ApiProperty({ format: 'date-time' }) op: string;
}

/** GET /klachten/{id}/bewaring: the hold and the 13.1.3 mark as they stand, and their history. */
export class BewaringStandDto {
  @ApiProperty({ format: 'uuid' }) klachtId: string;
  @ApiPropertyOptional({ type: BewaarBlokkadeStandDto, description: 'de bewaarblokkade, als er een is' })
  bewaarblokkade?: BewaarBlokkadeStandDto;
  @ApiPropertyOptional({ type: BlijvendBewarenStandDto, description: 'de markering blijvend bewaren (13.1.3), als er een is' })
  blijvendBewaren?: BlijvendBewarenStandDto;
  @ApiProperty({ type: [BewaarHandelingDto], description: 'wie blokkades en markeringen zette en ophief, oudste eerst' })
  historie: BewaarHandelingDto[];
}

export class VernietigingslijstRegelDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'de klacht, zolang zij niet vernietigd is' }) klachtId?: string;
  @ApiProperty({ description: 'SHA-256 van het klacht-id: blijft na vernietiging, zonder persoonsgegevens' }) kenmerk: string;
  @ApiProperty({
    enum: ['gemeente', 'viaOmbudsman', 'aanbieder', 'nietOntvankelijk'],
    description:
      'gemeente: Selectielijst gemeenten 2020, 13.1; viaOmbudsman: 13.1.2; nietOntvankelijk: 13.1.4 (de klacht is niet behandeld, Awb 9:8; 1 jaar); aanbieder: de bewaartermijn van de ketenpartner. Een klacht onder 13.1.3 (blijvend bewaren) komt op geen lijst',
  })
  categorie: string;
  @ApiProperty({ example: 'Selectielijst gemeenten 2020, 13.1' }) grondslag: string;
  @ApiProperty({ example: 'P5Y' }) bewaartermijn: string;
  @ApiProperty({ format: 'date' }) afgeslotenOp: string;
  @ApiProperty({ format: 'date' }) vernietigbaarVanaf: string;
  @ApiProperty({ description: 'wat er van de klacht bewaard was: gebeurtenissen, termijnen, brieven, documenten' }) aantallen: Record<
    string,
    number
  >;
  @ApiProperty({
    enum: ['voorgesteld', 'vernietigd', 'overgeslagen', 'uitgesteld'],
    description: 'uitgesteld: goedgekeurd, maar de outbox verwerkt nog berichten van de klacht; de dagelijkse run vernietigt haar daarna',
  })
  status: string;
  @ApiPropertyOptional({
    description:
      "waarom overgeslagen of uitgesteld; bij vernietigd alleen als een bericht van de klacht in de outbox na herhaald mislukken zonder verwerking met haar vernietigd is; bij voorgesteld op een lijst die nog wacht: 'bij goedkeuring overgeslagen: …' als de goedkeuring haar vandaag zou overslaan (de klacht is sindsdien heropend of er kwam een verzoek van de ombudsman over)",
  })
  reden?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'wanneer de klacht werkelijk vernietigd is (bij de goedkeuring, of bij de dagelijkse run die een uitgestelde vernietiging uitvoerde); alleen bij status vernietigd',
  })
  vernietigdOp?: string;
}

export class VernietigingslijstDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'GM0363' }) gemeente: string;
  @ApiProperty({ enum: ['voorgesteld', 'uitgevoerd'] }) status: string;
  @ApiProperty({ format: 'date' }) peildatum: string;
  @ApiProperty({ format: 'date-time' }) opgesteldOp: string;
  @ApiProperty({ description: 'klachtregie (de dagelijkse taak) of wie de lijst opstelde' }) opgesteldDoor: string;
  @ApiPropertyOptional({
    description:
      'de eerste van de vier ogen: wie de lijst opstelde, of bij een lijst van de dagelijkse taak wie haar ondertekende; ontbreekt zolang zo’n lijst niet ondertekend is (dan kan zij niet worden goedgekeurd)',
  })
  ondertekendDoor?: string;
  @ApiPropertyOptional({ format: 'date-time' }) ondertekendOp?: string;
  @ApiPropertyOptional({ description: 'de tweede van de vier ogen: altijd een ander dan wie opstelde of ondertekende' })
  goedgekeurdDoor?: string;
  @ApiPropertyOptional() goedgekeurdRol?: string;
  @ApiPropertyOptional({ format: 'date-time' }) uitgevoerdOp?: string;
  @ApiPropertyOptional({ type: [VernietigingslijstRegelDto] }) regels?: VernietigingslijstRegelDto[];
}

export class VernietigingslijstPaginaDto extends PaginaDto {
  @ApiProperty({ type: [VernietigingslijstDto] }) resultaten: VernietigingslijstDto[];
}
