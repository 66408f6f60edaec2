import { type IsoDate, reportPeriodOrderViolation, type Violation } from '@coso/domain';
import { forbidden } from '../auth/access.js';
import { fromDbDate, toDbDate } from '../store/db-dates.js';
import { writeTransaction } from '../store/transaction.js';
import { ValidationError, VersionConflictError } from '../store/write-errors.js';
import type { UseCaseContext } from './context.js';
import { mayReportOn } from './report.js';

/**
 * The tasks ahead ("Nhiệm vụ, giải pháp thời gian tới") an officer writes for the review report of a
 * directive over a scope and period, before exporting it: kept with the report (one text per
 * directive, scope and period, the period resolved as the report resolves it) and read back by the
 * Word export. The same scope rule as the report: only a place the viewer may report on.
 */

export interface ReportTasksKey {
  directiveId: string;
  scopeUnitId: string;
  /** Defaults to the directive's issue date, as the report's period does. */
  from?: IsoDate | undefined;
  to: IsoDate;
}

export interface SaveReportTasksInput extends ReportTasksKey {
  text: string;
  /** The version the officer edited, when they edited a saved text (a concurrent save is refused). */
  version?: number | undefined;
}

export interface ReportTasks {
  id: string;
  directiveId: string;
  scopeUnitId: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  text: string;
  version: number;
}

/** Enough for several pages of a report; a longer text is a paste gone wrong. */
export const REPORT_TASKS_MAX_LENGTH = 20_000;

/** Writes (or rewrites) the tasks text of a report; refused with every reason, changing nothing. */
export async function saveReportTasks(ctx: UseCaseContext, input: SaveReportTasksInput): Promise<ReportTasks> {
  if (!(await mayReportOn(ctx.access, input.scopeUnitId))) throw forbidden();
  const text = input.text.normalize('NFC').trim();
  const violations: Violation[] = [];
  if (text.length > REPORT_TASKS_MAX_LENGTH) {
    violations.push({
      code: 'INVALID_VALUE',
      severity: 'error',
      path: ['text'],
      message: {
        vi: `Nội dung nhiệm vụ, giải pháp dài ${text.length} ký tự, vượt quá ${REPORT_TASKS_MAX_LENGTH} ký tự cho phép.`,
        en: `The tasks text is ${text.length} characters long, over the ${REPORT_TASKS_MAX_LENGTH} allowed.`,
      },
    });
  }
  return writeTransaction(ctx.prisma, 'saveReportTasks', ctx.writer, async (tx) => {
    const period = await resolvePeriod(tx, input, violations);
    if (violations.length > 0 || !period) throw new ValidationError(violations);
    const where = {
      directiveId: input.directiveId,
      scopeUnitId: input.scopeUnitId,
      periodFrom: toDbDate(period.from),
      periodTo: toDbDate(period.to),
    };
    const existing = await tx.reportTasks.findUnique({ where: { directiveId_scopeUnitId_periodFrom_periodTo: where } });
    if (existing && input.version !== undefined && existing.version !== input.version) {
      throw new VersionConflictError('ReportTasks', existing.id, input.version, existing.version);
    }
    const row = existing
      ? await tx.reportTasks.update({ where: { id: existing.id }, data: { text } })
      : await tx.reportTasks.create({ data: { ...where, text } });
    return rowOf(row);
  });
}

/** The saved tasks of a report, or null; for a viewer who may report on the scope. */
export async function reportTasksFor(ctx: UseCaseContext, key: ReportTasksKey): Promise<ReportTasks | null> {
  if (!(await mayReportOn(ctx.access, key.scopeUnitId))) throw forbidden();
  const from = key.from ?? (await ctx.prisma.directive.findUnique({ where: { id: key.directiveId } }))?.issuedOn;
  if (from === undefined) return null;
  const row = await ctx.prisma.reportTasks.findUnique({
    where: {
      directiveId_scopeUnitId_periodFrom_periodTo: {
        directiveId: key.directiveId,
        scopeUnitId: key.scopeUnitId,
        periodFrom: typeof from === 'string' ? toDbDate(from) : from,
        periodTo: toDbDate(key.to),
      },
    },
  });
  return row ? rowOf(row) : null;
}

type Tx = Parameters<Parameters<UseCaseContext['prisma']['$transaction']>[0]>[0];

async function resolvePeriod(tx: Tx, key: ReportTasksKey, violations: Violation[]): Promise<{ from: IsoDate; to: IsoDate } | undefined> {
  const directive = await tx.directive.findUnique({ where: { id: key.directiveId } });
  if (!directive) {
    violations.push({
      code: 'ENTITY_NOT_FOUND',
      severity: 'error',
      path: ['directiveId'],
      message: { vi: `Không tìm thấy văn bản chỉ đạo "${key.directiveId}".`, en: `No directive "${key.directiveId}" exists.` },
    });
    return undefined;
  }
  const from = key.from ?? fromDbDate(directive.issuedOn);
  if (from > key.to) {
    violations.push(reportPeriodOrderViolation(from, key.to));
    return undefined;
  }
  return { from, to: key.to };
}

function rowOf(row: {
  id: string;
  directiveId: string;
  scopeUnitId: string;
  periodFrom: Date;
  periodTo: Date;
  text: string;
  version: number;
}): ReportTasks {
  return { ...row, periodFrom: fromDbDate(row.periodFrom), periodTo: fromDbDate(row.periodTo) };
}
