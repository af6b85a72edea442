import { Module } from '@nestjs/common';
import { DefinitiesModule } from '../definities/definities.module';
import { EngineModule } from '../engine/engine.module';
import { PadenService } from './paden.service';
import { ProcesoverzichtController } from './procesoverzicht.controller';
import { ProcesoverzichtService } from './procesoverzicht.service';
import { TijdlijnController } from './tijdlijn.controller';
import { VoorbeeldController } from './voorbeeld.controller';
import { VoorbeeldService } from './voorbeeld.service';
import { WebPaginaService } from './web-pagina.service';
import { WerkvoorraadController } from './werkvoorraad.controller';
import { WerkvoorraadService } from './werkvoorraad.service';
import { webRegistryProvider } from './web-registry.provider';
import { WerkbankController } from './werkbank.controller';
import { WerkbankService } from './werkbank.service';

/**
 * Process owners (docs/beheer-en-rapportages.md, issue 6): server-rendered pages under /beheer (diagram with live
 * counts, klacht timeline, every route in Dutch, definition preview, reports) and the read-only
 * JSON/SVG endpoints under /api/v1 they use.
 */
@Module({
  // DefinitiesModule: a pasted or edited text is judged next to the versions as served (DefinitiesService.naastGepubliceerd).
  imports: [EngineModule, DefinitiesModule],
  controllers: [ProcesoverzichtController, TijdlijnController, VoorbeeldController, WerkvoorraadController, WerkbankController],
  providers: [
    webRegistryProvider,
    ProcesoverzichtService,
    PadenService,
    VoorbeeldService,
    WebPaginaService,
    WerkvoorraadService,
    WerkbankService,
  ],
})
export class WebModule {}
