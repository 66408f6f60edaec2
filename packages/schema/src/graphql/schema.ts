import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './places.js';
import './bodies.js';
import './people.js';
import './buildings.js';
import './boards.js';
import './directive.js';
import './reorganisations.js';
import './generated-entities.js';
import './errors.js';
import './core-mutations.js';
import './records-mutations-places.js';
import './records-mutations-bodies.js';
import './records-mutations-people.js';
import './records-mutations-buildings.js';
import './records-mutations-boards.js';
import './records-mutations-directive.js';
import './board-workflows.js';
import './reorganisation-workflow.js';
import './aggregates.js';
import './accounts.js';
import './audit.js';
import './report.js';
import '../import/graphql.js';
import './report-tasks.js';
import './finding-work.js';
// After the areas: the compiled read builds on their query functions and registers its root fields.
import './compiled-read/nested-read.js';

let schema: GraphQLSchema | undefined;

/** The executable schema (built once; every area module registers its types on the builder). */
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: false });
  return schema;
}

/** The SDL committed as `schema.graphql` (sorted, so diffs show real changes only). */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}
