import { ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidParam, ProblemException } from './problem';

/** Flattens class-validator's nested errors to `invalidParams` with dotted / indexed names. */
export function toInvalidParams(errors: ValidationError[], parent = ''): InvalidParam[] {
  const out: InvalidParam[] = [];
  for (const error of errors) {
    const name = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    for (const reason of Object.values(error.constraints ?? {})) out.push({ name, reason });
    if (error.children?.length) out.push(...toInvalidParams(error.children, name));
  }
  return out;
}

/**
 * The global validation: unknown fields are rejected (not silently dropped, so a typo never loses
 * input), payloads are transformed to their DTO classes, and every failure becomes a 400
 * `validatie-fout` problem listing each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ProblemException.invalid(toInvalidParams(errors)),
  });
}
