export * from './board-row.js';
export * from './cells.js';
export * from './columns.js';
export * from './dates.js';
export * from './headers.js';
export * from './sheet.js';
