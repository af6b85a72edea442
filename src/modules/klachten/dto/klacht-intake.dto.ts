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

/** Routing facts: flat values only (the condition language tests named facts, docs/definities.md). */
@ValidatorConstraint({ name: 'feiten' })
export class FeitenConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.entries(value).every(
      ([k, v]) =>
        /^[a-z][A-Za-z0-9]*$/.test(k) &&
        (['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'))),
    );
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} moet een object zijn met camelCase namen en als waarde tekst, getal, ja/nee of een lijst teksten, bijvoorbeeld { "complex": false, "eerderBijAanbieder": true }`;
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
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'ontvangenOp moet een ISO 8601-tijdstip zijn, bijvoorbeeld 2026-04-02T10:00:00+02:00' })
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

  @ApiPropertyOptional({ type: RegistratieDto, description: 'Registratie voor de rapportages, als die bij ontvangst al bekend is (meestal aard en oorzaak).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistratieDto)
  registratie?: RegistratieDto;
}
