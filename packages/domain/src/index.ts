/**
 * @coso/domain: the grassroots political-system domain as pure TypeScript.
 * Plain-data model, as-of hierarchy, reorganisations, dated rules, identifiers, Vietnamese text,
 * findings and directive-report definitions. No I/O: runs in Node and the browser.
 *
 * The main entry is the stable public surface (README, "Stability"). The same names are also on
 * subpaths (`@coso/domain/text`, `/identifiers`, `/rules`, `/inputs`, `/findings`, `/report`,
 * `/import`); state builders and sample data are only on `@coso/domain/testing`.
 *
 * @packageDocumentation
 */
export * from './accounts/index.js';
export * from './directive/index.js';
export * from './findings/index.js';
export * from './hierarchy/as-of.js';
export * from './hierarchy/parent-kinds.js';
export * from './hierarchy/reorganise.js';
export * from './i18n/index.js';
export * from './identifiers/index.js';
export * from './import/index.js';
export * from './inputs/index.js';
export * from './model/index.js';
export * from './report/index.js';
export * from './rules/index.js';
export * from './text/index.js';
export * from './time/dates.js';
export * from './time/period.js';
export {
  type EntityRef,
  type EntityType,
  errorsOf,
  type FieldPath,
  fail as failResult,
  formatPath,
  formatViolation,
  fromViolations,
  type LocalizedText,
  ok as okResult,
  type Result,
  type Severity,
  type Violation,
} from './validation/result.js';
