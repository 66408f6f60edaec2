#!/usr/bin/env node
// npm run schema:print -w @coso/schema — writes schema.graphql from the code (commit the result).
import { writeFileSync } from 'node:fs';
import { printSchemaSdl } from '../graphql/schema.js';
import { SCHEMA_GRAPHQL_PATH } from '../graphql/schema-file.js';

writeFileSync(SCHEMA_GRAPHQL_PATH, printSchemaSdl());
console.log(`wrote ${SCHEMA_GRAPHQL_PATH}`);
