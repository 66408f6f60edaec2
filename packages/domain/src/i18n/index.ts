export * from './labels.js';
export * from './column-labels.js';
