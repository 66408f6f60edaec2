import type { Access } from '../auth/access.js';
import type { Viewer } from '../auth/viewer.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Writer } from '../store/transaction.js';

/**
 * What a use-case needs of its caller: who asks (fixed for the request), their access decisions,
 * their name for the audit trail and the day. GraphQL resolvers, the export routes, the CLI and
 * bulk import all make one with `createRequestContext` and call the same functions.
 */
export interface UseCaseContext {
  readonly prisma: PrismaClient;
  readonly viewer: Viewer;
  readonly access: Access;
  readonly writer: Writer;
  /** Today in Vietnam (UTC+7), fixed once per request. */
  readonly today: string;
  /** Aborted when the caller has gone away (the gateway: the HTTP response closed unfinished); long reads stop issuing statements. */
  readonly signal?: AbortSignal;
}
