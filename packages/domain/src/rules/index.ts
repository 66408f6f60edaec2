/** The write-time and composition rules, with the catalog and the dated rule data they read. */
export * from './board-rules.js';
export * from './catalog.js';
export * from './cell-rules.js';
export * from './group-rules.js';
export * from './membership-rules.js';
export * from './residence-contact-rules.js';
export * from './rule-data.js';
export { entityRef, type RuleData, ruleViolation } from './violation.js';
