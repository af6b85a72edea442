export * from './app';
export * from './database';
export * from './ports';
export * from './redis';
