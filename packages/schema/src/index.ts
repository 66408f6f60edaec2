/**
 * @coso/schema: the database (Prisma schema, SQL migrations, generated client) and the GraphQL API
 * (Pothos) of coso. The gateway process builds on these exports; nothing here listens on a port.
 */
export { latestSnapshot, pendingSchemaChanges, SCHEMA_PATH } from './database/create-migration.js';
export { type EmbeddedDatabase, freePort, startEmbeddedPostgres } from './database/embedded-postgres.js';
export { applyMigrations, MIGRATIONS_DIR, MigrationHistoryError, readMigrations } from './database/migrate.js';
export { createPrismaClient, type PrismaClient, type PrismaOptions } from './database/prisma-client.js';
export { type Context, todayInVietnam, type Viewer } from './graphql/context.js';
export { operationAsOf } from './graphql/operation-as-of.js';
export { MAX_PAGE_SIZE } from './graphql/page-size-plugin.js';
export { buildSchema, printSchemaSdl } from './graphql/schema.js';
export { stableUuid } from './store/stable-id.js';
export { readState, writeState } from './store/state-tables.js';
