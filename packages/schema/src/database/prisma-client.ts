import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export interface PrismaOptions {
  /** Called for every SQL statement Prisma sends (tests count them; logs may sample them). */
  onQuery?: (sql: string, durationMs: number) => void;
  /** Pool size per process (default 10). */
  maxConnections?: number;
}

/** A Prisma client over node-postgres (Prisma's driver adapter): the same for the embedded and a real server. */
export function createPrismaClient(connectionString: string, options: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = options.onQuery;
  client.$on('query', (e) => onQuery(e.query, e.duration));
  return client;
}

export type { PrismaClient };
