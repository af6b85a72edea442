import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class MigratieVerzoekDto {
  @ApiProperty({ type: [String], description: 'De klachten die naar deze versie gaan (uit de proef; alles of niets).', maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  klachten: string[];

  @ApiProperty({
    description: 'Waarom (komt in de historie van elke klacht).',
    example: 'Klachtenregeling 2027: hoorzitting door de klachtadviescommissie',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reden: string;
}
