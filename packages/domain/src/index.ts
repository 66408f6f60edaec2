/**
 * @coso/domain: the grassroots political-system domain as pure TypeScript.
 * Plain-data model, as-of hierarchy, reorganisations, dated rules, identifiers, Vietnamese text,
 * findings and directive-report definitions. No I/O: runs in Node and the browser.
 */
export * from './hierarchy/as-of.js';
export * from './model/index.js';
export * from './rules/catalog.js';
export * from './rules/rule-data.js';
export * from './time/dates.js';
export * from './time/period.js';
export * from './validation/result.js';
