import { reportTasksFor, saveReportTasks } from '../use-cases/report-tasks.js';
import { builder, readableAs, recordNode } from './builder.js';
import type { Context } from './context.js';
import { WRITE_ERRORS } from './errors.js';
import { dbId } from './ids.js';
import { references } from './references.js';

/**
 * The tasks ahead of a review report (use-cases/report-tasks.ts): read with the report's own
 * arguments, saved before the Word export, which prints them under "Nhiệm vụ, giải pháp thời gian tới".
 */
export const ReportTasksRef = recordNode('ReportTasks', {
  authScopes: readableAs('ReportTasks'),
  description:
    'Nhiệm vụ, giải pháp thời gian tới / The tasks ahead an officer writes for the review report of a directive over a place and period.',
  id: { field: 'id' },
  fields: (t) => ({
    directive: t.relation('directive'),
    scopeUnit: t.relation('scopeUnit'),
    periodFrom: t.expose('periodFrom', { type: 'Date' }),
    periodTo: t.expose('periodTo', { type: 'Date' }),
    text: t.exposeString('text'),
    version: t.exposeInt('version'),
  }),
});

const SaveReportTasksInput = builder.inputType('SaveReportTasksInput', {
  fields: (t) => ({
    directiveId: t.id({ required: true, extensions: references('Directive') }),
    scopeId: t.id({ required: true, extensions: references('AdministrativeUnit', { write: true }) }),
    from: t.field({ type: 'Date', required: false, description: 'Defaults to the directive’s issue date, as the report’s.' }),
    to: t.field({ type: 'Date', required: true }),
    text: t.string({ required: true, description: 'Nội dung / The text, as the officer writes it (paragraphs by line breaks).' }),
    version: t.int({ required: false, description: 'The version edited, when editing a saved text: a concurrent save is refused.' }),
  }),
});

builder.queryField('reportTasks', (t) =>
  t.prismaField({
    type: 'ReportTasks',
    nullable: true,
    description: 'Nhiệm vụ, giải pháp đã lưu của một báo cáo / The saved tasks ahead of a report (the report’s arguments), or null.',
    args: {
      directiveId: t.arg.id({ required: true, extensions: references('Directive') }),
      scopeId: t.arg.id({ required: true, extensions: references('AdministrativeUnit') }),
      from: t.arg({ type: 'Date', required: false }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (query, _root, args, ctx: Context) => {
      const saved = await reportTasksFor(ctx, {
        directiveId: dbId(args.directiveId, 'Directive'),
        scopeUnitId: dbId(args.scopeId, 'AdministrativeUnit'),
        from: args.from ?? undefined,
        to: args.to,
      });
      return saved ? ctx.prisma.reportTasks.findUnique({ ...query, where: { id: saved.id } }) : null;
    },
  }),
);

builder.mutationField('saveReportTasks', (t) =>
  t.field({
    type: ReportTasksRef,
    description:
      'Lưu nhiệm vụ, giải pháp thời gian tới của báo cáo / Save the tasks ahead of a review report (one text per directive, place and period; saving again rewrites it). Audited like every record.',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: SaveReportTasksInput, required: true }) },
    resolve: async (_root, { input }, ctx: Context) => {
      const saved = await saveReportTasks(ctx, {
        directiveId: dbId(input.directiveId, 'Directive'),
        scopeUnitId: dbId(input.scopeId, 'AdministrativeUnit'),
        from: input.from ?? undefined,
        to: input.to,
        text: input.text,
        version: input.version ?? undefined,
      });
      return ctx.prisma.reportTasks.findUniqueOrThrow({ where: { id: saved.id } });
    },
  }),
);
