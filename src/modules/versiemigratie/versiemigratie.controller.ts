import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { probleemSchema } from '../../common/openapi';
import { datum, jaNee, lijst, object, tekst, getal, type Schema } from '../../common/openapi-schema';
import { Rollen } from '../auth/rollen.decorator';
import { HuidigeTenant, type Tenant } from '../auth/tenant';
import { MigratieVerzoekDto } from './dto/migratie.dto';
import { VersieMigratieService, type KlachtMigratieProef } from './versiemigratie.service';

const VERVAL: Schema = object({ vervaldatum: datum(), uitleg: lijst(tekst()) });

/** One klacht in the dry run or the migration (KlachtMigratieProef). */
const KLACHT_MIGRATIE: Schema = object({
  klachtId: tekst({ format: 'uuid' }),
  vanVersie: tekst({ example: '2024-01' }),
  naarVersie: tekst({ example: '2024-07' }),
  vanState: tekst({ example: 'gemeente.beoordelen' }),
  'naarState?': tekst({ description: 'De toestand op de nieuwe versie (ontbreekt als de historie daar niet doorheen komt).' }),
  termijnen: lijst(
    object({
      naam: tekst({ example: 'afhandeling' }),
      label: tekst(),
      'oud?': VERVAL,
      'nieuw?': VERVAL,
      'verschilDagen?': getal({ description: 'Dagen later (+) of eerder (-) op de nieuwe versie.' }),
      verplichting: jaNee({ description: 'Een gemiste termijn van deze naam is te laat van gemeente of aanbieder.' }),
    }),
  ),
  bezwaren: lijst(tekst(), { description: 'Waarom de klacht niet mee kan; leeg: ze kan.' }),
  migreerbaar: jaNee(),
});
const MIGRATIE_ANTWOORD: Schema = object({ naarVersie: tekst({ example: '2024-07' }), klachten: lijst(KLACHT_MIGRATIE) });

@ApiTags('definities')
// Moving running klachten is a change to the regime's application: the beleidsmedewerker who publishes versions.
@Rollen('beleidsmedewerker')
@Controller('definities/:id/versies/:versie')
export class VersieMigratieController {
  constructor(private readonly migratie: VersieMigratieService) {}

  @Get('migratieproef')
  @ApiOperation({
    operationId: 'migratieProef',
    summary:
      'Proef: wat deze versie doet met de lopende klachten van oudere versies, en met verzoeken van de ombudsman die nog op de klachtroute staan (Awb 9:31; toestand en termijnen oud en nieuw, bezwaren)',
  })
  @ApiOkResponse({
    description: 'Per lopende klacht de oude en nieuwe toestand en termijnen met uitleg, en waarom ze niet kan (bezwaren).',
    schema: MIGRATIE_ANTWOORD,
  })
  @ApiNotFoundResponse({ description: 'Geen versie met dit id voor uw gemeente.' })
  proef(
    @HuidigeTenant() tenant: Tenant,
    @Param('id') id: string,
    @Param('versie') versie: string,
  ): Promise<{ naarVersie: string; klachten: KlachtMigratieProef[] }> {
    return this.migratie.proef(tenant.gemeente, id, versie);
  }

  @Post('migraties')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'migreer',
    summary: 'Zet de genoemde lopende klachten over naar deze versie (alles of niets, vastgelegd in de historie)',
  })
  @ApiOkResponse({ description: 'De klachten staan op de nieuwe versie, met hun nieuwe termijnen.', schema: MIGRATIE_ANTWOORD })
  @ApiConflictResponse({
    description: 'migratie-geweigerd: een of meer klachten kunnen niet; er is niets gewijzigd.',
    schema: probleemSchema('MigratieGeweigerdProblem'),
  })
  @ApiUnprocessableEntityResponse({
    description:
      'De versie begint na vandaag (versie-nog-niet-geldig; invalidParams noemt versie): klachten gaan pas vanaf haar geldigVanaf over; er is niets gewijzigd. Of de Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt).',
  })
  @ApiNotFoundResponse({ description: 'Geen versie of klacht met dit id voor uw gemeente.' })
  async migreer(
    @HuidigeTenant() tenant: Tenant,
    @Param('id') id: string,
    @Param('versie') versie: string,
    @Body() body: MigratieVerzoekDto,
  ): Promise<{ naarVersie: string; klachten: KlachtMigratieProef[] }> {
    return {
      naarVersie: versie,
      klachten: await this.migratie.migreer(tenant.gemeente, id, versie, body.klachten, body.reden, tenant.subject),
    };
  }
}
