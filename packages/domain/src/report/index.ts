export { directiveReport, figureByKey } from './directive-report.js';
export { reportNarrative } from './narrative.js';
export * from './types.js';
