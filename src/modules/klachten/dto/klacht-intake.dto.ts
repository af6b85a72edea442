import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  Validate,
} from 'class-validator';
import { SOORTEN as ALLE_SOORTEN, type AanbiederType, type Feiten, type Kanaal, type Soort } from '../../../machines/contract';
import { RegistratieDto } from './registratie.dto';

export const KANALEN: Kanaal[] = ['telefoon', 'balie', 'brief', 'webformulier', 'email'];
export const SOORTEN: readonly Soort[] = ALLE_SOORTEN;
export const AANBIEDER_TYPES: AanbiederType[] = ['wmo', 'jeugdhulp', 'zorg', 'overig'];
export const INGEDIEND_BIJ = ['gemeente', 'aanbieder', 'ombudsman'] as const;

/** Bounds on routing facts: they are short answers to the regeling's questions, not a place for documents. */
export const FEITEN_MAX = { aantal: 50, naam: 60, tekst: 500, lijst: 50 } as const;
const tekstBinnenGrens = (x: unknown) => typeof x === 'string' && x.length <= FEITEN_MAX.tekst;

/**
 * Routing facts: flat values only (the condition language tests named facts, docs/definities.md), and
 * bounded (AVG art. 5 lid 1 sub c, data minimisation: no free-text dossiers, no identifiers such as a BSN).
 */
@ValidatorConstraint({ name: 'feiten' })
export class FeitenConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const entries = Object.entries(value);
    return (
      entries.length <= FEITEN_MAX.aantal &&
      entries.every(
        ([k, v]) =>
          /^[a-z][A-Za-z0-9]*$/.test(k) &&
          k.length <= FEITEN_MAX.naam &&
          !/^(bsn|burgerservicenummer)$/i.test(k) &&
          (typeof v === 'number' ||
            typeof v === 'boolean' ||
            tekstBinnenGrens(v) ||
            (Array.isArray(v) && v.length <= FEITEN_MAX.lijst && v.every(tekstBinnenGrens))),
      )
    );
  }
  defaultMessage(args: ValidationArguments): string {
    return (
      `${args.property} moet een object zijn met hoogstens ${FEITEN_MAX.aantal} camelCase namen (hoogstens ${FEITEN_MAX.naam} tekens) en als waarde ` +
      `tekst (hoogstens ${FEITEN_MAX.tekst} tekens), getal, ja/nee of een lijst van hoogstens ${FEITEN_MAX.lijst} teksten, zonder BSN; ` +
      'bijvoorbeeld { "complex": false, "eerderBijAanbieder": true }'
    );
  }
}

export class AanbiederDto {
  @ApiProperty({ description: 'Id van de aanbieder (ketenpartner) in het contractbeheer.', example: 'zorgaanbieder-noord' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'id mag alleen letters, cijfers, punt, _ en - bevatten (max 100)' })
  id: string;

  @ApiPropertyOptional({ example: 'Zorgaanbieder Noord' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  naam?: string;

  @ApiPropertyOptional({ enum: AANBIEDER_TYPES, example: 'wmo' })
  @IsOptional()
  @IsIn(AANBIEDER_TYPES)
  type?: AanbiederType;
}

/** Intake of a klacht (IntakeInput in contract.ts). */
export class KlachtIntakeDto {
  @ApiProperty({ description: 'CBS-gemeentecode', example: 'GM0363' })
  @Matches(/^GM\d{4}$/, { message: 'gemeente moet een CBS-gemeentecode zijn, bijvoorbeeld GM0363' })
  gemeente: string;

  @ApiProperty({ enum: KANALEN, example: 'webformulier' })
  @IsIn(KANALEN)
  kanaal: Kanaal;

  @ApiProperty({ description: 'Moment van ontvangst (ISO 8601 met tijdzone); bepaalt de termijnen.', example: '2026-04-02T10:00:00+02:00' })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'ontvangenOp moet een ISO 8601-tijdstip zijn, bijvoorbeeld 2026-04-02T10:00:00+02:00' },
  )
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'ontvangenOp moet een tijdzone hebben (Z of +02:00)' })
  ontvangenOp: string;

  @ApiProperty({ enum: INGEDIEND_BIJ, example: 'gemeente' })
  @IsIn(INGEDIEND_BIJ)
  ingediendBij: (typeof INGEDIEND_BIJ)[number];

  @ApiPropertyOptional({ enum: SOORTEN, example: 'klacht' })
  @IsOptional()
  @IsIn(SOORTEN)
  soort?: Soort;

  @ApiPropertyOptional({ example: 'Hulp bij het huishouden komt niet opdagen' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  onderwerp?: string;

  @ApiProperty({ type: [AanbiederDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AanbiederDto)
  aanbieders: AanbiederDto[];

  @ApiProperty({
    description: 'Routeringsfeiten die de definitie van de gemeente toetst.',
    type: 'object',
    additionalProperties: true,
    example: { complex: false, eerderBijAanbieder: false },
  })
  @IsObject()
  @Validate(FeitenConstraint)
  feiten: Feiten;

  @ApiPropertyOptional({
    type: RegistratieDto,
    description: 'Registratie voor de rapportages, als die bij ontvangst al bekend is (meestal aard en oorzaak).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistratieDto)
  registratie?: RegistratieDto;
}
