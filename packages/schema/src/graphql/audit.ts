import { isUuid, maskBirthDate, maskCitizenId, maskPhone } from '@coso/domain';
import { forbidden } from '../auth/access.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { fieldCost } from './field-cost.js';
import { DateRange } from './filters.js';
import { decodeRecordId } from './ids.js';

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
    before: t.field({ type: 'JSON', nullable: true, resolve: (e, _a, ctx) => personalView(e, e.before, ctx) }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (e, _a, ctx) => personalView(e, e.after, ctx) }),
    requestId: t.exposeString('requestId', { nullable: true }),
  }),
});

/**
 * A global id's type and database id. A plain UUID names no type (refused, not guessed); an id that
 * does not decode is BAD_USER_INPUT (ids.ts), never handed to the database.
 */
function target(id: string): { type: string | null; id: string } {
  if (isUuid(id)) return { type: null, id };
  const decoded = decodeRecordId(id);
  return { type: decoded.typename, id: decoded.id };
}

builder.queryFields((t) => ({
  history: t.prismaField({
    type: [AuditEntryRef],
    // Not paged: every entry of the record (a few ms for a few entries; a much-edited record has hundreds).
    extensions: fieldCost(200),
    description: 'Lịch sử thay đổi của một bản ghi / What changed on a record, by whom and when, oldest first.',
    args: { id: t.arg.id({ required: true, description: 'The global id of any record.' }) },
    resolve: async (query, _root, args, ctx) => {
      const { type, id } = target(args.id);
      if (!type || !(await ctx.access.canRead(type, id))) throw forbidden();
      // The entries of that record as that type: a readable type wrapped around another record's id
      // (a public Directive id made of a person's id) finds nothing.
      return ctx.prisma.auditEntry.findMany({
        ...query,
        where: { entityId: id, entityType: type },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      });
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

/** The personal fields a trail entry may hold, and how each is shown to roles that see it masked. */
const PERSONAL_FIELDS: Record<string, (v: string) => string> = { citizenId: maskCitizenId, phone: maskPhone, birthDate: maskBirthDate };

/**
 * A before/after as the viewer may see it: citizen IDs and phones masked (last 3 digits) and dates
 * of birth shown as their year for roles that see them masked elsewhere; unmasked ones of a person
 * are logged like any other read.
 */
function personalView(entry: { entityType: string; entityId: string }, value: unknown, ctx: Context): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (!ctx.access.seesPersonal) return masked(entry.entityType === 'Person' ? personStartMasked(value) : value);
  if (entry.entityType === 'Person' && !Array.isArray(value)) {
    for (const field of Object.keys(PERSONAL_FIELDS)) {
      if (typeof (value as Record<string, unknown>)[field] === 'string') ctx.access.logPersonalRead(entry.entityId, field);
    }
  }
  return value;
}

/** A person's record starts at birth: a start on the date of birth is masked like the date itself. */
function personStartMasked(value: object): object {
  const v = value as Record<string, unknown>;
  return typeof v.validFrom === 'string' && v.validFrom === v.birthDate ? { ...v, validFrom: maskBirthDate(v.validFrom) } : value;
}

function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const mask = PERSONAL_FIELDS[k];
      return [k, mask && typeof v === 'string' ? mask(v) : masked(v)];
    }),
  );
}
