import { encodeGlobalID } from '@pothos/plugin-relay';
import { acceptFinding, assignFinding, findingWorkSummary, remindersFor, resolveFinding } from '../use-cases/finding-work.js';
import { asOfArg, resolveAsOf } from './as-of.js';
import { bilingualError } from './bilingual-error.js';
import { builder, readableAs, recordNode } from './builder.js';
import type { Context } from './context.js';
import { ValidationError, WRITE_ERRORS } from './errors.js';
import { fieldCost } from './field-cost.js';
import { FindingWorkStateEnum } from './finding-work-args.js';
import { dbId } from './ids.js';
import { references } from './references.js';
import { FindingRef, Text as ReportText } from './report.js';

/**
 * Findings as work (use-cases/finding-work.ts): the work fields of each finding, the three writes
 * (assign, resolve, accept), what is coming (reminders) and the dashboard's counts per ward.
 */
export const FindingWorkRef = recordNode('FindingWork', {
  authScopes: readableAs('FindingWork'),
  description: 'Xử lý một tồn tại / The work on a finding: assignment, due date, and how it ended.',
  id: { field: 'id' },
  fields: (t) => ({
    findingKey: t.exposeString('findingKey'),
    code: t.exposeString('code'),
    state: t.field({ type: FindingWorkStateEnum, resolve: (w) => w.state }),
    assigneeUnit: t.relation('assigneeUnit', { nullable: true }),
    assigneePerson: t.relation('assigneePerson', { nullable: true }),
    dueOn: t.expose('dueOn', { type: 'Date', nullable: true }),
    resolvedBy: t.exposeString('resolvedBy', { nullable: true }),
    resolvedOn: t.expose('resolvedOn', { type: 'Date', nullable: true }),
    resolution: t.exposeString('resolution', { nullable: true, description: 'How it was fixed, or why it is accepted.' }),
    closedAutomatically: t.exposeBoolean('closedAutomatically'),
    closedByTransactionId: t.string({
      nullable: true,
      description: 'The change that fixed it: the transaction of its audit entries (audit trail: transactionId).',
      resolve: (w) => (w.closedByTransactionId === null ? null : String(w.closedByTransactionId)),
    }),
    closedByOperation: t.exposeString('closedByOperation', { nullable: true, description: 'The mutation that fixed it.' }),
    version: t.exposeInt('version'),
  }),
});

const dateOf = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);

builder.objectFields(FindingRef, (t) => ({
  key: t.string({ description: 'Stable key of the finding (rule code and records): the work is stored under it.', resolve: (w) => w.key }),
  current: t.boolean({ description: 'False for a closed finding the data no longer shows.', resolve: (w) => w.current }),
  state: t.field({ type: FindingWorkStateEnum, description: 'Trạng thái xử lý hôm nay / Work state today.', resolve: (w) => w.state }),
  overdue: t.boolean({ description: 'Quá hạn / Open past its due date.', resolve: (w) => w.overdue }),
  closedAutomatically: t.boolean({ description: 'Tự đóng / Closed because the data was fixed.', resolve: (w) => w.closedAutomatically }),
  dueOn: t.field({ type: 'Date', nullable: true, description: 'Hạn xử lý / Due date.', resolve: (w) => dateOf(w.work?.dueOn) }),
  assigneeName: t.string({
    nullable: true,
    description: 'Giao cho / Assigned to: the unit, then the person.',
    resolve: (w) => [w.work?.assigneeUnit?.name, w.work?.assigneePerson?.fullName].filter(Boolean).join(' — ') || null,
  }),
  resolution: t.string({
    nullable: true,
    description: 'Cách khắc phục hoặc lý do / How it was fixed, or why accepted.',
    resolve: (w) => w.work?.resolution ?? null,
  }),
  resolvedBy: t.string({ nullable: true, resolve: (w) => w.work?.resolvedBy ?? null }),
  resolvedOn: t.field({ type: 'Date', nullable: true, resolve: (w) => dateOf(w.work?.resolvedOn) }),
  work: t.field({
    type: FindingWorkRef,
    nullable: true,
    description: 'The stored work (ids, version, the change that closed it); null when none.',
    resolve: (w, _a, ctx: Context) => (w.work ? ctx.prisma.findingWork.findUnique({ where: { id: w.work.id } }) : null),
  }),
}));

/** The finding a write on its work names: its ward (the territory checked) and its key. */
function targetFields(t: PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>) {
  return {
    wardId: t.id({
      required: true,
      description: 'The ward the finding lies in (Finding.wardId).',
      extensions: references('AdministrativeUnit', { write: true }),
    }),
    key: t.string({ required: true, description: 'Finding.key.' }),
  };
}

const AssignFindingInput = builder.inputType('AssignFindingInput', {
  fields: (t) => ({
    ...targetFields(t),
    assigneeUnitId: t.id({ required: false, description: 'Đơn vị được giao / The unit.', extensions: references('AdministrativeUnit') }),
    assigneePersonId: t.id({ required: false, description: 'Người được giao / The person.', extensions: references('Person') }),
    dueOn: t.field({ type: 'Date', required: false, description: 'Hạn xử lý / Due date (today or later).' }),
    version: t.int({ required: false, description: 'The version of the work edited: a concurrent change is refused.' }),
  }),
});

const CloseFindingInput = builder.inputType('CloseFindingInput', {
  fields: (t) => ({
    ...targetFields(t),
    text: t.string({
      required: true,
      description: 'Cách khắc phục (resolve) hoặc lý do (accept) / How it was fixed, or why it will not be.',
    }),
    on: t.field({ type: 'Date', required: false, description: 'The day (default today; not in the future).' }),
    version: t.int({ required: false }),
  }),
});

function target(input: { wardId: string; key: string; version?: number | null | undefined }) {
  return { wardId: dbId(input.wardId, 'AdministrativeUnit'), key: input.key, version: input.version ?? undefined };
}

builder.mutationField('assignFinding', (t) =>
  t.field({
    type: FindingWorkRef,
    description: 'Giao xử lý tồn tại / Assign a finding to a unit and/or a person, with a due date (reopens closed work). Audited.',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AssignFindingInput, required: true }) },
    resolve: async (_r, { input }, ctx: Context) => {
      const saved = await assignFinding(ctx, {
        ...target(input),
        assigneeUnitId: input.assigneeUnitId ? dbId(input.assigneeUnitId, 'AdministrativeUnit') : undefined,
        assigneePersonId: input.assigneePersonId ? dbId(input.assigneePersonId, 'Person') : undefined,
        dueOn: input.dueOn ?? undefined,
      });
      return ctx.prisma.findingWork.findUniqueOrThrow({ where: { id: saved.id } });
    },
  }),
);

for (const [name, write, what] of [
  ['resolveFinding', resolveFinding, 'Đã khắc phục / Mark a finding resolved: who (you), when, how.'],
  ['acceptFinding', acceptFinding, 'Chấp nhận, không khắc phục / Accept a finding as it is, with the reason.'],
] as const) {
  builder.mutationField(name, (t) =>
    t.field({
      type: FindingWorkRef,
      description: `${what} Audited.`,
      errors: { types: WRITE_ERRORS },
      args: { input: t.arg({ type: CloseFindingInput, required: true }) },
      resolve: async (_r, { input }, ctx: Context) => {
        const saved = await write(ctx, { ...target(input), text: input.text, on: input.on ?? undefined });
        return ctx.prisma.findingWork.findUniqueOrThrow({ where: { id: saved.id } });
      },
    }),
  );
}

interface ReminderParent {
  code: string;
  entity: { type: string; id: string };
  entityName: string;
  wardId: string;
  wardName: string;
  dueOn: string | null;
  message: { vi: string; en: string };
}

const ReminderRef = builder.objectRef<ReminderParent>('FindingReminder').implement({
  description:
    'Việc sắp tới / What is coming: a board term ending within 90 days, a head without fire-safety training, a group without a coordination regulation.',
  fields: (t) => ({
    code: t.string({ resolve: (r) => r.code }),
    entityId: t.id({ resolve: (r) => encodeGlobalID(r.entity.type, r.entity.id) }),
    entityType: t.string({ resolve: (r) => r.entity.type }),
    entityName: t.string({ resolve: (r) => r.entityName }),
    wardId: t.id({ nullable: true, resolve: (r) => (r.wardId ? encodeGlobalID('AdministrativeUnit', r.wardId) : null) }),
    wardName: t.string({ resolve: (r) => r.wardName }),
    dueOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day the term ends; null for standing gaps.',
      resolve: (r) => r.dueOn,
    }),
    message: t.field({ type: ReportText, resolve: (r) => r.message }),
  }),
});

builder.queryField('findingReminders', (t) =>
  t.field({
    type: [ReminderRef],
    extensions: fieldCost(2500),
    description: 'Nhắc việc / What is coming in a place as of a date (default today): terms ending within 90 days first, soonest first.',
    args: { scopeId: t.arg.id({ required: true, extensions: references('AdministrativeUnit') }), asOf: asOfArg(t.arg) },
    resolve: async (_r, args, ctx: Context) => {
      const r = await remindersFor(ctx, dbId(args.scopeId, 'AdministrativeUnit'), resolveAsOf(args.asOf, ctx));
      if (!r.ok) throw bilingualError('BAD_USER_INPUT', new ValidationError(r.violations).localized, { violations: r.violations });
      return r.value;
    },
  }),
);

const WardWorkRef = builder
  .objectRef<{ wardId: string; wardName: string; open: number; overdue: number; resolved: number; accepted: number }>('WardFindingWork')
  .implement({
    description: 'Tồn tại theo phường / Findings of a ward by work state, today.',
    fields: (t) => ({
      wardId: t.id({ nullable: true, resolve: (w) => (w.wardId ? encodeGlobalID('AdministrativeUnit', w.wardId) : null) }),
      wardName: t.string({ resolve: (w) => w.wardName }),
      open: t.int({ resolve: (w) => w.open }),
      overdue: t.int({ resolve: (w) => w.overdue }),
      resolved: t.int({ resolve: (w) => w.resolved }),
      accepted: t.int({ resolve: (w) => w.accepted }),
    }),
  });

builder.queryField('findingWorkSummary', (t) =>
  t.field({
    type: [WardWorkRef],
    extensions: fieldCost(2500),
    description: 'Tồn tại đang mở / quá hạn / đã xử lý theo phường / Open, overdue and closed findings per ward of a place, today.',
    args: { scopeId: t.arg.id({ required: true, extensions: references('AdministrativeUnit') }) },
    resolve: async (_r, args, ctx: Context) => {
      const r = await findingWorkSummary(ctx, dbId(args.scopeId, 'AdministrativeUnit'));
      if (!r.ok) throw bilingualError('BAD_USER_INPUT', new ValidationError(r.violations).localized, { violations: r.violations });
      return r.value;
    },
  }),
);
