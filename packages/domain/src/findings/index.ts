export { compareFindings, computeFindings } from './compute.js';
export * from './types.js';
