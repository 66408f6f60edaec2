import type { Access } from '../auth/access.js';
import type { Viewer } from '../auth/viewer.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Writer } from '../store/transaction.js';
import type { UseCaseContext } from '../use-cases/context.js';

export type { Viewer } from '../auth/viewer.js';

/** Per-request context. Resolvers are functions of (arguments, viewer, as-of date) only; use-cases take the same object. */
export interface Context extends UseCaseContext {
  readonly prisma: PrismaClient;
  /** Who asks: fixed for the whole request before any field runs (decisions and audit agree). */
  readonly viewer: Viewer;
  /** Access decisions for this request (territory, party data, personal data); `load()`ed before execution. */
  readonly access: Access;
  /**
   * The as-of date that nested hierarchy fields use when they are not given one: the `asOf` of the
   * operation's root fields when they agree (set by the gateway once the operation is parsed),
   * otherwise today.
   */
  defaultAsOf?: string;
  /**
   * False: no root field is answered by a statement compiled from its selection
   * (compiled-read/); the resolvers answer everything. Tests use it as the compiled read's oracle.
   */
  readonly compiledReads?: boolean;
  /** Who writes, named in every write transaction for the audit trail the database keeps. */
  readonly writer: Writer;
  /** The client's address (for login rate limiting), set by the gateway. */
  clientAddress?: string;
  /** The request id, echoed in logs and audit entries. */
  requestId?: string;
  /** Today in Vietnam (UTC+7), fixed once per request so every field agrees on it. */
  today: string;
}

/** The calendar date in Hanoi now (the domain's, shared with the admin web). */
export { todayInVietnam } from '@coso/domain';
