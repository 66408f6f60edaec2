export * from './boards.js';
export * from './indexes.js';
export * from './political-system.js';
export { type ScopeOnDate, scopeOnDate, UNASSIGNED_WARD_ID, UNASSIGNED_WARD_NAME } from './scope.js';
