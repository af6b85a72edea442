import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotentieOpruiming } from './idempotentie-opruiming.service';
import { IdempotentieSleutelEntity } from './idempotentie-sleutel.entity';

/** Global `Idempotency-Key` handling for every POST (see IdempotencyInterceptor). */
@Module({
  imports: [TypeOrmModule.forFeature([IdempotentieSleutelEntity])],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotentieOpruiming],
  // For the upload routes: Nest builds IdempotencyNaUpload (an interceptor named by its class) in the route's module,
  // which imports this one for the repository it needs.
  exports: [TypeOrmModule],
})
export class IdempotencyModule {}
