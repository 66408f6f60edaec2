import { execute, parse } from 'graphql';
import { createPrismaClient, type PrismaClient } from '../database/prisma-client.js';
import type { Context } from '../graphql/context.js';
import { operationAsOf } from '../graphql/operation-as-of.js';
import { createRequestContext } from '../graphql/request-context.js';
import { buildSchema } from '../graphql/schema.js';
import { createTestDatabase } from './test-database.js';

/** A fresh migrated database, a Prisma client that counts statements, and a GraphQL executor. */
export async function graphqlHarness(adminUrl: string) {
  const db = await createTestDatabase(adminUrl);
  const statements: string[] = [];
  const prisma: PrismaClient = createPrismaClient(db.url, { onQuery: (sql) => statements.push(sql) });
  const schema = buildSchema();
  async function run<T = Record<string, unknown>>(source: string, variables: Record<string, unknown> = {}, context: Partial<Context> = {}) {
    const document = parse(source);
    const defaultAsOf = operationAsOf(document, variables);
    const contextValue = await createRequestContext({
      prisma,
      viewer: context.viewer ?? { kind: 'system' },
      today: context.today ?? '2026-11-25',
      clientAddress: context.clientAddress ?? '127.0.0.1',
      ...(defaultAsOf ? { defaultAsOf } : {}),
    });
    const result = await execute({ schema, document, variableValues: variables, contextValue });
    await contextValue.access.settled();
    if (result.errors?.length) throw new Error(result.errors.map((e) => `${e.message} at ${e.path?.join('.')}`).join('\n'));
    return result.data as T;
  }
  return {
    prisma,
    run,
    statements,
    async close() {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
