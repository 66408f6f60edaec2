export { compareFindings, computeFindings, findingsQueryViolations } from './compute.js';
export { type FindingArgs, makeFinding } from './context.js';
export { FINDING_MESSAGES } from './messages.js';
export * from './types.js';
