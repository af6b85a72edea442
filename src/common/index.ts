export * from './api-version';
export * from './problem';
export * from './problem.filter';
export * from './validation';
export * from './openapi';
export * from './http-app';
export * from './klok';
