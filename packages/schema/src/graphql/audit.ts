import { decodeGlobalID } from '@pothos/plugin-relay';
import { forbidden } from '../auth/access.js';
import { builder } from './builder.js';
import { DateRange } from './filters.js';

/**
 * The audit trail, read-only: the API offers no way to change or remove an entry (and the table
 * refuses it). `history` gives what changed on one record, by whom and when, to anyone who may read
 * that record; `auditEntries` lists the whole trail for administrators.
 */
builder.scalarType('JSON', {
  description: 'A JSON value (the before/after of an audited change).',
  serialize: (v) => v,
  parseValue: (v) => v,
});

const AuditEntryRef = builder.prismaObject('AuditEntry', {
  description: 'Nhật ký thay đổi / One change: who, when, what, before and after.',
  fields: (t) => ({
    id: t.string({ resolve: (e) => String(e.id) }),
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actor', { description: 'Tên đăng nhập / Username of who made the change.' }),
    operation: t.exposeString('operation', { description: 'The mutation, e.g. consolidateBoard.' }),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
  }),
});

/** A global id's type and database id (plain UUIDs are taken as they are, type unknown). */
function target(id: string): { type: string | null; id: string } {
  try {
    const decoded = decodeGlobalID(id);
    return { type: decoded.typename, id: decoded.id };
  } catch {
    return { type: null, id };
  }
}

builder.queryFields((t) => ({
  history: t.prismaField({
    type: [AuditEntryRef],
    description: 'Lịch sử thay đổi của một bản ghi / What changed on a record, by whom and when, oldest first.',
    args: { id: t.arg.id({ required: true, description: 'The global id of any record.' }) },
    resolve: async (query, _root, args, ctx) => {
      const { type, id } = target(args.id);
      if (!type || !(await ctx.access.canRead(type, id))) throw forbidden();
      return ctx.prisma.auditEntry.findMany({ ...query, where: { entityId: id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    },
  }),
  auditEntries: t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    authScopes: { admin: true },
    description: 'Toàn bộ nhật ký / The whole audit trail, newest first (administrators).',
    args: {
      actor: t.arg.string({ required: false }),
      entityType: t.arg.string({ required: false }),
      at: t.arg({ type: DateRange, required: false }),
    },
    totalCount: (_p, args, ctx) => ctx.prisma.auditEntry.count({ where: auditWhere(args) }),
    resolve: (query, _p, args, ctx) => ctx.prisma.auditEntry.findMany({ ...query, where: auditWhere(args), orderBy: [{ id: 'desc' }] }),
  }),
}));

function auditWhere(args: { actor?: string | null; entityType?: string | null; at?: { from?: string | null; to?: string | null } | null }) {
  return {
    ...(args.actor ? { actor: args.actor } : {}),
    ...(args.entityType ? { entityType: args.entityType } : {}),
    ...(args.at?.from || args.at?.to
      ? {
          at: {
            ...(args.at.from ? { gte: new Date(`${args.at.from}T00:00:00+07:00`) } : {}),
            ...(args.at.to ? { lt: new Date(new Date(`${args.at.to}T00:00:00+07:00`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}
