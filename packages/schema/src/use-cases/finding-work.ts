import {
  type Finding,
  type FindingCode,
  type FindingsQuery,
  findingKey,
  findingKeyCode,
  type IsoDate,
  okResult as ok,
  type Reminder,
  type Result,
  type RuleCode,
  type Violation,
} from '@coso/domain';
import { forbidden, partyDataForbidden } from '../auth/access.js';
import type { FindingWork, FindingWorkState } from '../generated/prisma/client.js';
import { PARTY_FINDINGS } from '../report/compute.js';
import { sqlFindings, sqlReminders } from '../report/sql-findings.js';
import { toDbDate } from '../store/db-dates.js';
import { writeTransaction } from '../store/transaction.js';
import { ValidationError, VersionConflictError } from '../store/write-errors.js';
import type { UseCaseContext } from './context.js';
import { findingsFor, mayReportOn } from './report.js';

/**
 * Findings as work (issue #15): a finding is assigned to a ward unit or a person with a due date,
 * resolved (who, when, how) or accepted ("will not fix", with the reason). The work is stored by
 * the finding's key (the domain's `findingKey`); a finding the data no longer shows closes itself
 * in the write that fixed it (report/finding-closure.ts). The work state is today's.
 */

export type WorkState = FindingWorkState;

/** A finding with its work: `current` false for a closed finding the data no longer shows. */
export interface WorkedFinding {
  key: string;
  finding: Finding;
  current: boolean;
  /** The stored work of this occurrence, or null (open, not assigned). */
  work: WorkRow | null;
  state: WorkState;
  /** Open with a due date before today. */
  overdue: boolean;
  /** Closed by itself: the data stopped showing it (recorded by the write that fixed it, or seen on this read). */
  closedAutomatically: boolean;
}

/** Stored work with its assignees' names. */
export type WorkRow = FindingWork & { assigneeUnit: { name: string } | null; assigneePerson: { fullName: string } | null };
const WITH_ASSIGNEES = { assigneeUnit: { select: { name: true } }, assigneePerson: { select: { fullName: true } } } as const;

export interface WorkFilter {
  states?: readonly WorkState[] | undefined;
  overdue?: boolean | undefined;
  assigneeUnitId?: string | undefined;
  assigneePersonId?: string | undefined;
}

/**
 * The findings of a place with their work, filtered. Without `states` the list is the findings
 * the data shows (as `findings` always was); with RESOLVED or ACCEPTED it also lists the closed
 * work whose finding the data no longer shows, as the finding read when work began.
 */
export async function findingsWithWork(
  ctx: UseCaseContext,
  query: FindingsQuery,
  filter: WorkFilter = {},
): Promise<Result<WorkedFinding[]>> {
  const result = await findingsFor(ctx, query);
  if (!result.ok) return result;
  const present = result.value.map((finding) => ({ finding, key: findingKey(finding) }));
  const rows = await ctx.prisma.findingWork.findMany({ where: { findingKey: { in: present.map((p) => p.key) } }, include: WITH_ASSIGNEES });
  const byKey = new Map(rows.map((r) => [r.findingKey, r]));
  const out: WorkedFinding[] = present.map(({ finding, key }) => {
    const row = byKey.get(key);
    // Work closed by itself describes an earlier occurrence: the gap is back, open and unassigned.
    const work = row && !row.closedAutomatically ? row : null;
    const state = work?.state ?? 'OPEN';
    return { key, finding, current: true, work, state, overdue: isOverdue(state, work, ctx.today), closedAutomatically: false };
  });
  const wantsClosed = filter.states?.some((s) => s !== 'OPEN') ?? false;
  if (wantsClosed) out.push(...(await closedNotShown(ctx, query, new Set(byKey.keys()))));
  return ok(out.filter((w) => matches(w, filter)));
}

/** Stored work in the scope whose finding the data no longer shows: closed (an open one is closed by the date). */
async function closedNotShown(ctx: UseCaseContext, query: FindingsQuery, shown: ReadonlySet<string>): Promise<WorkedFinding[]> {
  const below = await ctx.prisma.unitClosure.findMany({ where: { ancestorId: query.scopeUnitId }, select: { descendantId: true } });
  const wards = [...new Set([query.scopeUnitId, ...below.map((b) => b.descendantId)])].filter(
    (w) => !query.wardIds || query.wardIds.includes(w),
  );
  const rows = await ctx.prisma.findingWork.findMany({
    where: { wardId: { in: wards }, findingKey: { notIn: [...shown] } },
    include: WITH_ASSIGNEES,
  });
  return rows
    .filter((r) => (ctx.access.seesParty || !PARTY_FINDINGS.has(r.code)) && (!query.codes || query.codes.includes(r.code)))
    .map((row) => ({
      key: row.findingKey,
      finding: findingOf(row),
      current: false,
      work: row,
      state: row.state === 'OPEN' ? 'RESOLVED' : row.state,
      overdue: false,
      closedAutomatically: row.closedAutomatically || row.state === 'OPEN',
    }));
}

function matches(w: WorkedFinding, f: WorkFilter): boolean {
  if (f.states && !f.states.includes(w.state)) return false;
  if (f.overdue !== undefined && w.overdue !== f.overdue) return false;
  if (f.assigneeUnitId && w.work?.assigneeUnitId !== f.assigneeUnitId) return false;
  if (f.assigneePersonId && w.work?.assigneePersonId !== f.assigneePersonId) return false;
  return true;
}

function isOverdue(state: WorkState, work: WorkRow | null, today: IsoDate): boolean {
  return state === 'OPEN' && work?.dueOn != null && work.dueOn.toISOString().slice(0, 10) < today;
}

/** The finding as it read when work began (for work whose finding the data no longer shows). */
function findingOf(row: FindingWork): Finding {
  return {
    code: row.code as FindingCode,
    severity: 'warning',
    entity: { type: row.entityType as Finding['entity']['type'], id: row.entityId },
    entityName: row.entityName,
    wardId: row.wardId,
    wardName: row.wardName,
    message: { vi: row.messageVi, en: row.messageEn },
  };
}

/** Open, overdue and closed (resolved or accepted) findings per ward of a place, today. */
export interface WardWorkSummary {
  wardId: string;
  wardName: string;
  open: number;
  overdue: number;
  resolved: number;
  accepted: number;
}

export async function findingWorkSummary(ctx: UseCaseContext, scopeUnitId: string): Promise<Result<WardWorkSummary[]>> {
  const all = await findingsWithWork(ctx, { scopeUnitId, on: ctx.today }, { states: ['OPEN', 'RESOLVED', 'ACCEPTED'] });
  if (!all.ok) return all;
  const byWard = new Map<string, WardWorkSummary>();
  for (const w of all.value) {
    const { wardId, wardName } = w.finding;
    const s = byWard.get(wardId) ?? { wardId, wardName, open: 0, overdue: 0, resolved: 0, accepted: 0 };
    byWard.set(wardId, s);
    if (w.state === 'OPEN') s.open += 1;
    if (w.overdue) s.overdue += 1;
    if (w.state === 'RESOLVED') s.resolved += 1;
    if (w.state === 'ACCEPTED') s.accepted += 1;
  }
  return ok([...byWard.values()].sort((a, b) => a.wardName.localeCompare(b.wardName, 'vi')));
}

/** What is coming in a place (terms ending within 90 days, untrained heads, groups without a regulation). */
export async function remindersFor(ctx: UseCaseContext, scopeUnitId: string, on: IsoDate): Promise<Result<Reminder[]>> {
  if (!(await mayReportOn(ctx.access, scopeUnitId))) throw forbidden();
  return sqlReminders(ctx.prisma, { scopeUnitId, on });
}

// ---- Writes ----

interface FindingTarget {
  /** The ward the finding lies in (the territory the write is checked against). */
  wardId: string;
  key: string;
  /** The version of the stored work edited, when editing it: a concurrent change is refused. */
  version?: number | undefined;
}

export interface AssignFindingInput extends FindingTarget {
  assigneeUnitId?: string | undefined;
  assigneePersonId?: string | undefined;
  dueOn?: IsoDate | undefined;
}

export interface CloseFindingInput extends FindingTarget {
  /** How it was fixed (resolve) or why it will not be (accept). */
  text: string;
  /** The day it was resolved; default today. */
  on?: IsoDate | undefined;
}

/** Assigns a finding to a ward unit and/or a person, with an optional due date; reopens closed work. */
export async function assignFinding(ctx: UseCaseContext, input: AssignFindingInput): Promise<FindingWork> {
  const violations: Violation[] = [];
  if (!input.assigneeUnitId && !input.assigneePersonId) {
    violations.push(
      violation('REQUIRED_FIELD', ['assigneeUnitId'], {
        vi: 'Cần giao cho một đơn vị hoặc một người (assigneeUnitId hoặc assigneePersonId).',
        en: 'Assign to a unit or a person (assigneeUnitId or assigneePersonId).',
      }),
    );
  }
  if (input.dueOn && input.dueOn < ctx.today) {
    violations.push(
      violation('INVALID_VALUE', ['dueOn'], {
        vi: `Hạn xử lý ${input.dueOn} đã qua (hôm nay là ${ctx.today}).`,
        en: `The due date ${input.dueOn} has passed (today is ${ctx.today}).`,
      }),
    );
  }
  return writeFindingWork(ctx, 'assignFinding', input, violations, {
    assigneeUnitId: input.assigneeUnitId ?? null,
    assigneePersonId: input.assigneePersonId ?? null,
    dueOn: input.dueOn ? toDbDate(input.dueOn) : null,
    state: 'OPEN',
    resolvedBy: null,
    resolvedOn: null,
    resolution: null,
    closedAutomatically: false,
    closedByTransactionId: null,
    closedByOperation: null,
  });
}

/** Marks a finding resolved: who (the writer), when (default today) and how. */
export function resolveFinding(ctx: UseCaseContext, input: CloseFindingInput): Promise<FindingWork> {
  return closeFinding(ctx, 'resolveFinding', 'RESOLVED', input);
}

/** Accepts a finding: it will not be fixed, for the reason given. */
export function acceptFinding(ctx: UseCaseContext, input: CloseFindingInput): Promise<FindingWork> {
  return closeFinding(ctx, 'acceptFinding', 'ACCEPTED', input);
}

/** Longer than a page is a paste gone wrong. */
export const FINDING_TEXT_MAX_LENGTH = 4000;

function closeFinding(
  ctx: UseCaseContext,
  operation: string,
  state: 'RESOLVED' | 'ACCEPTED',
  input: CloseFindingInput,
): Promise<FindingWork> {
  const text = input.text.normalize('NFC').trim();
  const what =
    state === 'RESOLVED'
      ? { vi: 'cách đã khắc phục', en: 'how it was fixed' }
      : { vi: 'lý do chấp nhận', en: 'the reason for accepting it' };
  const violations: Violation[] = [];
  if (text.length === 0) {
    violations.push(violation('REQUIRED_FIELD', ['text'], { vi: `Cần ghi ${what.vi}.`, en: `Say ${what.en}.` }));
  } else if (text.length > FINDING_TEXT_MAX_LENGTH) {
    violations.push(
      violation('INVALID_VALUE', ['text'], {
        vi: `Nội dung dài ${text.length} ký tự, vượt quá ${FINDING_TEXT_MAX_LENGTH} ký tự cho phép.`,
        en: `The text is ${text.length} characters long, over the ${FINDING_TEXT_MAX_LENGTH} allowed.`,
      }),
    );
  }
  const on = input.on ?? ctx.today;
  if (on > ctx.today) {
    violations.push(
      violation('INVALID_VALUE', ['on'], {
        vi: `Ngày xử lý ${on} chưa đến (hôm nay là ${ctx.today}).`,
        en: `The day ${on} is in the future (today is ${ctx.today}).`,
      }),
    );
  }
  return writeFindingWork(ctx, operation, input, violations, {
    state,
    resolvedBy: ctx.writer.actor,
    resolvedOn: toDbDate(on),
    resolution: text,
    closedAutomatically: false,
    closedByTransactionId: null,
    closedByOperation: null,
  });
}

type WorkData = Partial<
  Pick<
    FindingWork,
    | 'assigneeUnitId'
    | 'assigneePersonId'
    | 'dueOn'
    | 'state'
    | 'resolvedBy'
    | 'resolvedOn'
    | 'resolution'
    | 'closedAutomatically'
    | 'closedByTransactionId'
    | 'closedByOperation'
  >
>;

/**
 * The one write path: the finding must be one the data shows today in the ward named (the
 * territory the write-access plugin checked), party findings for party roles only; every reason
 * to refuse is given at once and nothing changes.
 */
async function writeFindingWork(
  ctx: UseCaseContext,
  operation: string,
  target: FindingTarget,
  violations: Violation[],
  data: WorkData,
): Promise<FindingWork> {
  const code = findingKeyCode(target.key);
  if (code && PARTY_FINDINGS.has(code) && !ctx.access.seesParty) throw partyDataForbidden();
  if (!(await mayReportOn(ctx.access, target.wardId))) throw forbidden();
  return writeTransaction(ctx.prisma, operation, ctx.writer, async (tx) => {
    const computed = await sqlFindings(tx as unknown as UseCaseContext['prisma'], { scopeUnitId: target.wardId, on: ctx.today });
    const finding = computed.ok ? computed.value.find((f) => findingKey(f) === target.key) : undefined;
    if (!finding) {
      violations.push(
        violation('ENTITY_NOT_FOUND', ['key'], {
          vi: `Không có tồn tại "${target.key}" ở đơn vị này vào ngày ${ctx.today}: dữ liệu không còn cho thấy nó, hoặc nó thuộc phường khác.`,
          en: `There is no finding "${target.key}" in this unit on ${ctx.today}: the data no longer shows it, or it lies in another ward.`,
        }),
      );
    }
    if (violations.length > 0 || !finding) throw new ValidationError(violations);
    const existing = await tx.findingWork.findUnique({ where: { findingKey: target.key } });
    if (existing && target.version !== undefined && existing.version !== target.version) {
      throw new VersionConflictError('FindingWork', existing.id, target.version, existing.version);
    }
    const snapshot = {
      code: finding.code,
      entityType: finding.entity.type,
      entityId: finding.entity.id,
      entityName: finding.entityName,
      wardId: finding.wardId,
      wardName: finding.wardName,
      messageVi: finding.message.vi,
      messageEn: finding.message.en,
    };
    return existing
      ? tx.findingWork.update({ where: { id: existing.id }, data: { ...snapshot, ...data } })
      : tx.findingWork.create({ data: { findingKey: target.key, ...snapshot, ...data } });
  });
}

function violation(code: RuleCode, path: string[], message: { vi: string; en: string }): Violation {
  return { code, severity: 'error', path, message };
}
