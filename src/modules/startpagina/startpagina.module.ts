import { Module } from '@nestjs/common';
import { StartpaginaService } from './startpagina.service';

/** The landing page at / and the API reference at /api/v1/docs (issue 12, operations). */
@Module({ providers: [StartpaginaService] })
export class StartpaginaModule {}
