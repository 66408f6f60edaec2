import { Access } from '../auth/access.js';
import { requestWriter } from '../auth/audit.js';
import type { Viewer } from '../auth/viewer.js';
import type { AdministrativeUnit, PrismaClient } from '../generated/prisma/client.js';
import type { Context } from './context.js';
import { todayInVietnam } from './context.js';

/**
 * The one way to make a request context: every executor (the gateway, tests, the CLI) gets the
 * same access decisions and the same audit trail on every write.
 */
export async function createRequestContext(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  today?: string;
  requestId?: string;
  clientAddress?: string;
  defaultAsOf?: string;
  /** False: every field by its resolvers, none by a compiled statement (the compiled read's test oracle). */
  compiledReads?: boolean;
  /** Aborted when the client goes away (see `UseCaseContext.signal`). */
  signal?: AbortSignal;
  /** The viewer's scope unit as this request's session lookup read it (`sessionFromAuthorization`); read again without it. */
  scopeUnit?: AdministrativeUnit | null;
}): Promise<Context> {
  const today = options.today ?? todayInVietnam();
  const access = await new Access(options.prisma, options.viewer, today, options.requestId, options.scopeUnit).load();
  return {
    prisma: options.prisma,
    viewer: options.viewer,
    access,
    today,
    writer: requestWriter(options.viewer, options.requestId, access),
    ...(options.requestId ? { requestId: options.requestId } : {}),
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    ...(options.defaultAsOf ? { defaultAsOf: options.defaultAsOf } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.compiledReads === false ? { compiledReads: false } : {}),
  };
}
