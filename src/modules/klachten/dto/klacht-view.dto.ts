import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TermijnViewDto {
  @ApiProperty({ example: 'afhandeling' }) naam: string;
  @ApiProperty({ example: 'Afhandeltermijn (Awb 9:11)' }) label: string;
  @ApiProperty({ example: '2026-05-18', format: 'date' }) vervaldatum: string;
  @ApiProperty({ description: 'Moment waarop de termijn verstreken is (einde van de laatste dag, Europe/Amsterdam).', format: 'date-time' })
  vervaltOp: string;
  @ApiProperty({ type: [String], description: 'Uitleg van de berekening, een regel per stap.' }) uitleg: string[];
  @ApiProperty({ enum: ['running', 'met', 'verlopen', 'cancelled'] }) status: string;
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'Herinneringen: naam, datum, naar, op, verzondenOp.', type: 'array', items: { type: 'object' } })
  herinneringen: object[];
  @ApiPropertyOptional({ type: String, nullable: true, example: 'leidinggevende' }) escalatieNaar: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Awb 9:11 lid 1' }) grondslag: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) mutaties: object[];
  @ApiProperty({ description: 'Een verplichting van gemeente of aanbieder (false: een termijn van de klager, zoals het jaar voor de ombudsman, Awb 9:24).' })
  verplichting: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: 'Een verlopen verplichting: wanneer ze alsnog is nagekomen of de klacht eindigde (daarna niet meer te laat).' })
  geslotenOp: string | null;
  @ApiProperty({ description: 'Te laat: een verplichting waarvan de termijn voorbij is en die nog niet is nagekomen, zolang de klacht loopt (docs/te-laat.md).' })
  overdue: boolean;
}

export class GebeurtenisViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'KLACHT_ONTVANGEN' }) type: string;
  @ApiPropertyOptional({ nullable: true }) vanState: string | null;
  @ApiProperty() naarState: string;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiPropertyOptional({ nullable: true }) correlationId: string | null;
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
  @ApiPropertyOptional({ nullable: true }) onderwerp: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) aanbieders: object[];
  @ApiPropertyOptional({ nullable: true }) categorie: string | null;
  @ApiPropertyOptional({ nullable: true }) oorzaak: string | null;
  @ApiPropertyOptional({ nullable: true }) afdoening: string | null;
  @ApiPropertyOptional({ nullable: true }) oordeel: string | null;
  @ApiPropertyOptional({ nullable: true }) tevredenheid: string | null;
  @ApiProperty({ type: [String] }) maatregelen: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) feiten: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Gebeurtenissen die de klacht nu accepteert.' }) volgendeEvents: string[];
  @ApiProperty({ description: 'De klacht is te laat: een verplichting is over haar termijn en nog niet nagekomen (docs/te-laat.md); dezelfde definitie als overdue=true, het procesoverzicht en de rapportage.' })
  teLaat: boolean;
  @ApiProperty({ type: [TermijnViewDto] }) termijnen: TermijnViewDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class KlachtDetailDto extends KlachtViewDto {
  @ApiProperty({ type: [GebeurtenisViewDto] }) gebeurtenissen: GebeurtenisViewDto[];
}

export class KlachtPaginaDto {
  @ApiProperty({ type: [KlachtViewDto] }) items: KlachtViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
