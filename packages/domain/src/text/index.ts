export * from './collation.js';
export * from './fold.js';
export * from './normalize.js';
export * from './unit-name.js';
