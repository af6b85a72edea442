import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PaginaLinksInterceptor } from './pagina-links.interceptor';

/** Pagination links on every paged list (NL API Design Rules: navigable collections). */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: PaginaLinksInterceptor }] })
export class PagineringModule {}
