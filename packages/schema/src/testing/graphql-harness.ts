import { type ExecutionResult, execute, parse } from 'graphql';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../database/prisma-client.js';
import { compiledResponse } from '../graphql/compiled-read/compiled-operation.js';
import type { Context } from '../graphql/context.js';
import { type HiddenNote, hiddenRecords } from '../graphql/hidden-records.js';
import { operationAsOf } from '../graphql/operation-as-of.js';
import { createRequestContext } from '../graphql/request-context.js';
import { buildSchema } from '../graphql/schema.js';
import { createTestDatabase, type DatabaseFixture } from './test-database.js';

/** An error of a GraphQL response: its code (FORBIDDEN, UNAUTHENTICATED…), path and message. */
export interface HarnessError {
  code: string;
  path: string;
  message: string;
  /** `extensions.localizedMessage`, which every error coso writes carries. */
  localizedMessage?: { vi: string; en: string };
}

/**
 * A fresh migrated database (holding `fixture`'s data when given: cloned from the run's template of
 * it), a Prisma client that counts statements, and a GraphQL executor that answers as the gateway
 * does: a query whose every root field is compiled by its statements alone (compiled-operation.ts),
 * any other by graphql-js' execution (`answeredWithoutExecution` says which answered last).
 */
export async function graphqlHarness(adminUrl: string, options: { fixture?: DatabaseFixture } = {}) {
  const db = await createTestDatabase(
    adminUrl,
    options.fixture ? { fixture: { fixture: options.fixture, runId: inject('databaseRunId') } } : {},
  );
  const statements: string[] = [];
  const prisma: PrismaClient = createPrismaClient(db.url, { onQuery: (sql) => statements.push(sql) });
  const schema = buildSchema();
  let answeredWithoutExecution = false;
  /** Executes and returns data and errors as they are (for tests of refusals: codes and paths). */
  async function exec<T = Record<string, unknown>>(
    source: string,
    variables: Record<string, unknown> = {},
    context: Partial<Context> = {},
  ): Promise<{ data: T | null; errors: HarnessError[]; hidden?: HiddenNote[] }> {
    const document = parse(source);
    const defaultAsOf = operationAsOf(document, variables);
    const contextValue = await createRequestContext({
      prisma,
      viewer: context.viewer ?? { kind: 'system' },
      today: context.today ?? '2026-11-25',
      clientAddress: context.clientAddress ?? '127.0.0.1',
      ...(defaultAsOf ? { defaultAsOf } : {}),
      ...(context.compiledReads === false ? { compiledReads: false } : {}),
    });
    const compiled = await compiledResponse({ schema, document, variables, context: contextValue });
    answeredWithoutExecution = compiled !== undefined;
    const result: ExecutionResult = compiled ?? (await execute({ schema, document, variableValues: variables, contextValue }));
    await contextValue.access.settled();
    const errors = (result.errors ?? []).map((e) => ({
      code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
      path: e.path?.join('.') ?? '',
      message: e.message,
      ...(e.extensions?.localizedMessage ? { localizedMessage: e.extensions.localizedMessage as { vi: string; en: string } } : {}),
    }));
    const hidden = hiddenRecords(contextValue);
    return { data: (result.data ?? null) as T | null, errors, ...(hidden ? { hidden } : {}) };
  }
  async function run<T = Record<string, unknown>>(source: string, variables: Record<string, unknown> = {}, context: Partial<Context> = {}) {
    const { data, errors } = await exec<T>(source, variables, context);
    if (errors.length) throw new Error(errors.map((e) => `${e.message} at ${e.path}`).join('\n'));
    return data as T;
  }
  return {
    prisma,
    /** The test database, for a second client (another gateway process). */
    url: db.url,
    run,
    exec,
    statements,
    /** Whether the last `exec` was answered by compiled statements alone, without graphql-js' execution. */
    get answeredWithoutExecution() {
      return answeredWithoutExecution;
    },
    async close() {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
