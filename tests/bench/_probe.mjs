import { createPrismaClient, createRequestContext, buildSchema, startEmbeddedPostgres } from '@coso/schema';
import { execute, parse } from 'graphql';
const server = await startEmbeddedPostgres({ dataDir: '/tmp/coso-scale-h' });
const u = new URL(server.connectionString); u.pathname = '/scale_h_30';
const stmts = [];
const prisma = createPrismaClient(u.toString(), { onQuery: (q, d) => stmts.push([d, q]) });
const a = await prisma.account.findUniqueOrThrow({ where: { username: 'quan.longbien' } });
const viewer = { kind: 'account', accountId: a.id, username: a.username, displayName: a.displayName, role: a.role, scopeUnitId: a.scopeUnitId, partyOrganisation: a.partyOrganisation, sessionId: 'x' };
const schema = buildSchema();
const q = '{ people(asOf: "2022-12-01", filter: { name: { search: "nguyen van" } }, first: 20) { totalCount nodes { id fullName birthYear citizenId phone residenceUnit { name } } } }';
for (let i = 0; i < 2; i++) { stmts.length = 0; const ctx = await createRequestContext({ prisma, viewer, today: '2026-11-25' }); const t = performance.now(); const r = await execute({ schema, document: parse(q), contextValue: ctx }); await ctx.access.settled(); console.log('total', performance.now() - t, r.errors?.length ?? 0); }
for (const [d, s] of stmts) console.log(d, s.slice(0, 300).replace(/\s+/g, ' '));
await prisma.$disconnect(); await server.stop();
