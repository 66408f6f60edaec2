export { directiveReport, figureByKey, reportPeriodOrderViolation } from './directive-report.js';
export { reportNarrative } from './narrative.js';
export * from './types.js';
