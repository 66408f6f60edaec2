export * from './column-labels.js';
export * from './labels.js';
