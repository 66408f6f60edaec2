/**
 * @coso/schema: the database (Prisma schema, SQL migrations, generated client) and the GraphQL API
 * (Pothos) of coso. The gateway process builds on these exports; nothing here listens on a port.
 */

export { Access } from './auth/access.js';
export {
  CREDENTIAL_PROBLEMS,
  type CredentialProblem,
  readAuthorization,
  SIGN_IN,
  signInMessage,
} from './auth/credentials.js';
export { createDemoAccounts, DEMO_ACCOUNTS } from './auth/demo-accounts.js';
export { hashPassword, passwordProblem, verifyPassword } from './auth/passwords.js';
export { accountViewer, login, sessionFromAuthorization, viewerFromAuthorization, viewerFromToken } from './auth/sessions.js';
export {
  ACCOUNT_ROLES,
  type AccountRole,
  type AccountViewer,
  canWrite,
  isTerritorial,
  mayDownloadTemplates,
  seesPartyData,
  seesPersonalData,
  type Viewer,
} from './auth/viewer.js';
export { latestSnapshot, pendingSchemaChanges, SCHEMA_PATH } from './database/create-migration.js';
export { type EmbeddedDatabase, freePort, startEmbeddedPostgres } from './database/embedded-postgres.js';
export {
  applyMigrations,
  MIGRATIONS_DIR,
  MigrationHistoryError,
  type MigrationStatus,
  MigrationsPendingError,
  migrateIfPermitted,
  migrationStatus,
  readMigrations,
} from './database/migrate.js';
export { createPrismaClient, type PoolStats, type PrismaClient, type PrismaOptions, poolStats } from './database/prisma-client.js';
export { compiledResponse } from './graphql/compiled-read/compiled-operation.js';
export { type Context, todayInVietnam } from './graphql/context.js';
export { declaredCost, FIELD_COST_EXTENSION, fieldCost } from './graphql/field-cost.js';
export { type HiddenNote, hiddenRecords } from './graphql/hidden-records.js';
export { operationAsOf } from './graphql/operation-as-of.js';
export { MAX_PAGE_SIZE } from './graphql/page-size-plugin.js';
export { createRequestContext } from './graphql/request-context.js';
export { buildSchema, printSchemaSdl } from './graphql/schema.js';
export { importFile, kindOrRefuse, uploadImport } from './import/batches.js';
export type { ImportError, ImportOutcome } from './import/engine.js';
export { exportKindFile, type Withheld } from './import/export.js';
export { IMPORT_KINDS, type ImportKind, importKind } from './import/kinds.js';
export { UnreadableFile } from './import/read-file.js';
export { importTemplate } from './import/template.js';
export { PARTY_FIGURES, storedDirectiveReport, storedFindings } from './report/compute.js';
export { stableUuid } from './store/stable-id.js';
export { readState, writeState } from './store/state-tables.js';
export { SYSTEM_WRITER, type Writer, writeTransaction } from './store/transaction.js';
export { NotFoundError, ValidationError, VersionConflictError } from './store/write-errors.js';
export { createAccount } from './use-cases/accounts.js';
export type { UseCaseContext } from './use-cases/context.js';
export { recordIdOf } from './use-cases/record-ids.js';
export { directiveReportFor, findingsFor, mayListFigureRecords, mayReportOn } from './use-cases/report.js';
export { type ReportTasks, reportTasksFor, saveReportTasks } from './use-cases/report-tasks.js';
