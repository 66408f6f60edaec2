import type { PrismaClient } from '../../generated/prisma/client.js';

/**
 * The statement that empties the database between generated states: every table but the
 * append-only logs (they refuse TRUNCATE) and the migrations' own.
 */
export async function emptyingStatement(prisma: PrismaClient): Promise<string> {
  const rows = await prisma.$queryRaw<Array<{ list: string }>>`
    SELECT string_agg(quote_ident(tablename), ', ') AS list FROM pg_tables
     WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
       AND NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                        WHERE t.tgrelid = quote_ident(tablename)::regclass AND p.proname = 'coso_refuse_change')`;
  return `TRUNCATE ${rows[0]?.list ?? ''}`;
}
