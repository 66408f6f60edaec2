export * from './collation.js';
export * from './fold.js';
export * from './normalize.js';
export * from './tone-placement.js';
export * from './unit-name.js';
