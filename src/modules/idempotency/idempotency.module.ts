import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyInterceptor, IdempotencyNaUpload } from './idempotency.interceptor';
import { IdempotentieOpruiming } from './idempotentie-opruiming.service';
import { IdempotentieSleutelEntity } from './idempotentie-sleutel.entity';

/** Global `Idempotency-Key` handling for every POST (see IdempotencyInterceptor). */
@Module({
  imports: [TypeOrmModule.forFeature([IdempotentieSleutelEntity])],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotencyNaUpload, IdempotentieOpruiming],
  // For the upload routes (after their FileInterceptor): Nest builds it in the module of the route, with this repository.
  exports: [IdempotencyNaUpload, TypeOrmModule],
})
export class IdempotencyModule {}
