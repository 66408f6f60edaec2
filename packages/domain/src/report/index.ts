export {
  assembleReport,
  directiveReport,
  figureByKey,
  type ReportWindow,
  reportPeriodOrderViolation,
  reportQueryViolations,
  reportWindow,
} from './directive-report.js';
export type { Counted, FigureData } from './figure.js';
export { reportNarrative } from './narrative.js';
export * from './types.js';
