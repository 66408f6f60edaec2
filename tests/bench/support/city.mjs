// What the in-process scale benches share (scale.mjs, report-scale.mjs): a city database seeded once
// through the store, the viewer of a stored account, and one request as the gateway runs it.
import { performance } from 'node:perf_hooks';
import { cityParts } from '@coso/sample-data';
import { applyMigrations, createDemoAccounts, createPrismaClient, createRequestContext, writeState } from '@coso/schema';
import { execute, parse } from 'graphql';

/** The viewer of a stored account, as the gateway makes it from a session (the access fixture's). */
export { viewerOf } from '@coso/schema/testing';

/**
 * The database `<prefix>_<districts>` on the embedded server, migrated, holding the city of
 * `districts` (seeded once, as `coso seed --sample city`, then vacuumed and analysed so the first plans are not blind).
 */
export async function cityDatabase(server, root, prefix, districts, onQuery) {
  const name = `${prefix}_${districts}`;
  const u = new URL(server.connectionString);
  u.pathname = `/${name}`;
  const exists = await root.$queryRawUnsafe(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (!exists.length) await root.$executeRawUnsafe(`CREATE DATABASE ${name}`);
  await applyMigrations(u.toString(), { log: () => {} });
  const prisma = createPrismaClient(u.toString(), { onQuery });
  if ((await prisma.administrativeUnit.count()) === 0) {
    const started = performance.now();
    let k = 0;
    for (const part of cityParts(districts)) {
      const t = performance.now();
      await writeState(prisma, part);
      // One line per district: whether a district's write grows with the city (docs/scale.md).
      if (districts > 1) console.error(`${name}: district ${++k} written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await createDemoAccounts(prisma);
    // VACUUM too: without a visibility map the planner prices index-only scans (person_places by
    // unit) as heap reads and scans whole tables instead, which a vacuumed production database never does.
    await prisma.$executeRawUnsafe('VACUUM ANALYZE');
    console.error(`seeded ${districts} district(s) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return prisma;
}

/** One request as the gateway runs it: a fresh context (territory, loaders) and the execution. */
export async function request(schema, prisma, viewer, source, today) {
  const contextValue = await createRequestContext({ prisma, viewer, today });
  const result = await execute({ schema, document: parse(source), contextValue });
  await contextValue.access.settled();
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
