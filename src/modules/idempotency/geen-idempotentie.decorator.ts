import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const GEEN_IDEMPOTENTIE_KEY = 'klachtregie:geen-idempotentie';

/**
 * The route ignores `Idempotency-Key`: its response carries a secret shown once (an API key, a webhook
 * secret), and a stored response would keep that secret at rest in `idempotentie_sleutel`; or the handler
 * writes its own reply (`@Res()` without passthrough), which Nest sends instead of any interceptor's value,
 * so a retry could never be answered with the stored reply and would hang. Every POST route with `@Res()`
 * carries it (test/api-idempotency.test.ts).
 */
export const GeenIdempotentie = () => applyDecorators(SetMetadata(GEEN_IDEMPOTENTIE_KEY, true), ApiExtension('x-geen-idempotentie', true));

export const IDEMPOTENT_IN_TRANSACTIE_KEY = 'klachtregie:idempotent-in-transactie';

/**
 * The route's work claims its `Idempotency-Key` inside its own database transaction
 * (idempotentie-context.ts): crash-safe. Its reply is stored with the key after the commit, and a replay answers it.
 */
export const IdempotentInTransactie = () => SetMetadata(IDEMPOTENT_IN_TRANSACTIE_KEY, true);
