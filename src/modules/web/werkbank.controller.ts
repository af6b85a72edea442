import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { getal, jaNee, lijst, object, tekst, type Schema } from '../../common/openapi-schema';
import { Rollen } from '../auth/rollen.decorator';
import { HuidigeTenant, type Tenant } from '../auth/tenant';
import { DefinitieYamlDto } from '../definities/definities.dto';
import { WerkbankService, type ScenarioRapport, type VerschilRapport } from './werkbank.service';

const MELDING: Schema = object({ line: getal(), column: getal(), melding: tekst(), 'toelichting?': lijst(tekst()) });

const SCENARIO_RAPPORT_SCHEMA: Schema = object({
  kanDraaien: jaNee({ description: 'Nee als de tekst fouten bevat: dan draait er niets' }),
  'reden?': tekst(),
  totaal: getal(),
  geslaagd: getal(),
  mislukt: getal(),
  bestanden: lijst(
    object({
      bestand: tekst({ example: 'scenarios/gm0363-amsterdam/levensloop.yaml' }),
      'suite?': tekst(),
      scenarios: lijst(object({ naam: tekst(), geslaagd: jaNee(), meldingen: lijst(MELDING) })),
      'fouten?': lijst(MELDING),
    }),
  ),
});

const TOESTAND: Schema = object({ id: tekst({ example: 'gemeente.inBehandeling' }), label: tekst() });
const WIJZIGING = tekst({ enum: ['toegevoegd', 'verwijderd', 'gewijzigd'] });

const VERSCHIL_SCHEMA: Schema = object({
  kanVergelijken: jaNee(),
  'reden?': tekst(),
  'tegen?': tekst({ description: 'De gepubliceerde versie waarmee vergeleken is', example: '2015-01' }),
  'van?': tekst(),
  'naar?': tekst(),
  'toestanden?': object({ toegevoegd: lijst(TOESTAND), verwijderd: lijst(TOESTAND) }),
  'termijnen?': lijst(
    object({ naam: tekst(), label: tekst(), soort: WIJZIGING, 'oud?': tekst(), 'nieuw?': tekst(), regels: lijst(tekst()) }),
  ),
  'tweedeLijn?': lijst(object({ naam: tekst(), soort: WIJZIGING, regels: lijst(tekst()) })),
  'routering?': lijst(object({ criterium: tekst(), 'oud?': tekst(), 'nieuw?': tekst(), regel: tekst() })),
  'aantal?': getal(),
});

/**
 * The /beheer editor's own endpoints (docs/beheer-en-rapportages.md): the gemeente's scenario suite and the diff with
 * the published version, both for the text being edited. Nothing is stored.
 */
@ApiTags('definities')
@Rollen('beleidsmedewerker')
@Controller('definities/:id')
export class WerkbankController {
  constructor(private readonly werkbank: WerkbankService) {}

  @Post('scenario-uitslagen')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'definitieScenariosToetsen',
    summary: "Speel de scenario's van de gemeente af met deze tekst (zoals klachtregie test); er wordt niets opgeslagen",
  })
  @ApiOkResponse({
    description: 'Per scenariobestand elk scenario: geslaagd, of wat er afweek op regel:kolom',
    schema: SCENARIO_RAPPORT_SCHEMA,
  })
  @ApiNotFoundResponse({ description: 'Geen definitie met dit id voor de gemeente (definitie-niet-gevonden)' })
  scenarios(@HuidigeTenant() tenant: Tenant, @Param('id') id: string, @Body() body: DefinitieYamlDto): Promise<ScenarioRapport> {
    return this.werkbank.scenarios(id, tenant.gemeente, body.yaml);
  }

  @Post('verschillen')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'definitieVerschil',
    summary: 'Wat deze tekst verandert tegenover de gepubliceerde versie: toestanden, termijnen, tweede lijn en routering',
  })
  @ApiOkResponse({ description: 'Het verschil, of waarom het (nog) niet te bepalen is', schema: VERSCHIL_SCHEMA })
  @ApiNotFoundResponse({ description: 'Geen definitie met dit id voor de gemeente (definitie-niet-gevonden)' })
  verschil(@HuidigeTenant() tenant: Tenant, @Param('id') id: string, @Body() body: DefinitieYamlDto): Promise<VerschilRapport> {
    return this.werkbank.verschil(id, tenant.gemeente, body.yaml);
  }
}
