export * from './boards.js';
export * from './bodies.js';
export * from './buildings.js';
export * from './directive.js';
export * from './people.js';
export * from './places.js';
export * from './reorganisation.js';
export * from './state.js';
