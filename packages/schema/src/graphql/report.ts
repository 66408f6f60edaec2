import {
  type DirectiveReport,
  type Figure,
  type RecordRef,
  reportNarrative,
  UNASSIGNED_WARD_ID,
  unitDisplayName,
  type WardFigure,
  withDisplayDates,
} from '@coso/domain';
import { encodeGlobalID, resolveArrayConnection } from '@pothos/plugin-relay';
import { forbidden } from '../auth/access.js';
import { PARTY_FINDINGS } from '../report/compute.js';
import { findingsWithWork, type WorkedFinding } from '../use-cases/finding-work.js';
import { directiveReportFor, isWithheldByWard, mayListFigureRecords } from '../use-cases/report.js';
import { asOfArg, resolveAsOf } from './as-of.js';
import { bilingualError } from './bilingual-error.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { ValidationError } from './errors.js';
import { fieldCost } from './field-cost.js';
import { FindingWorkStateEnum, workFilter } from './finding-work-args.js';
import { notePartyFindings } from './hidden-records.js';
import { dbId } from './ids.js';
import { MAX_PAGE_SIZE } from './page-size-plugin.js';
import { references } from './references.js';
import { roleGated } from './role-gated-plugin.js';

/**
 * The directive work's two read models: the review report (every figure, its definition, its
 * per-ward breakdown and the records it counts, one click away) and the findings (where the
 * directive is not met yet). Both are the domain's reference definitions over the stored records.
 */
interface LocalizedText {
  vi: string;
  en: string;
}
// Dates in the texts as the app writes them, in both languages (withDisplayDates).
export const Text = builder.objectRef<LocalizedText>('ReportText').implement({
  fields: (t) => ({
    vi: t.string({ resolve: (text) => withDisplayDates(text.vi) }),
    en: t.string({ resolve: (text) => withDisplayDates(text.en) }),
  }),
});

/** A counted record with the wards of the scope its figure counts it in (from the figure's per-ward breakdown). */
interface RecordParent {
  ref: RecordRef;
  wards: ReadonlyArray<{ id: string; name: string }>;
}

const ReportRecord = builder.objectRef<RecordParent>('ReportRecord').implement({
  description: 'Một bản ghi được đếm / A record a figure counts: fetch it with node(id:).',
  fields: (t) => ({
    id: t.id({ description: 'Global id (node).', resolve: (r) => encodeGlobalID(r.ref.type, r.ref.id) }),
    type: t.string({ resolve: (r) => r.ref.type }),
    name: t.string({ resolve: (r) => r.ref.name }),
    wardId: t.id({
      nullable: true,
      description:
        'Phường của bản ghi / Global id of the ward (of the report’s scope, on the as-of date) the figure counts this record in. Null when it lies in no ward of the scope, or when the figure counts it in several wards (see wardName).',
      resolve: (r) => (r.wards.length === 1 && r.wards[0] ? encodeGlobalID('AdministrativeUnit', r.wards[0].id) : null),
    }),
    wardName: t.string({
      nullable: true,
      description:
        'Tên phường / Name of that ward, e.g. "Phúc Đồng", so records of the same name (“Tổ dân phố số 1”) can be told apart. Several wards (a person on boards in two wards): their names joined by ", ". Null when the record lies in no ward of the scope.',
      resolve: (r) => (r.wards.length ? r.wards.map((w) => w.name).join(', ') : null),
    }),
  }),
});

/** Record id → the wards of the scope the figure counts it in (report order); built once per figure. */
const wardsByFigure = new WeakMap<Figure, Map<string, Array<{ id: string; name: string }>>>();
function recordWards(figure: Figure): Map<string, Array<{ id: string; name: string }>> {
  let byRecord = wardsByFigure.get(figure);
  if (!byRecord) {
    byRecord = new Map();
    for (const ward of figure.byWard) {
      if (ward.wardId === UNASSIGNED_WARD_ID) continue;
      for (const record of ward.records) {
        const wards = byRecord.get(record.id);
        if (wards) wards.push({ id: ward.wardId, name: ward.wardName });
        else byRecord.set(record.id, [{ id: ward.wardId, name: ward.wardName }]);
      }
    }
    wardsByFigure.set(figure, byRecord);
  }
  return byRecord;
}

interface FigureParent {
  figure: Figure;
}

interface WardParent {
  figure: Figure;
  ward: WardFigure;
}

/** The drill-down of party figures names party members: party-organisation roles only. */
function recordsFor(figure: Figure, records: RecordRef[], ctx: Context): RecordParent[] {
  if (!mayListFigureRecords(ctx.access, figure.key)) throw forbidden();
  const wards = recordWards(figure);
  return records.map((ref) => ({ ref, wards: wards.get(ref.id) ?? [] }));
}

const WardFigureRef = builder.objectRef<WardParent>('ReportWardFigure').implement({
  fields: (t) => ({
    wardId: t.id({
      nullable: true,
      description: 'Null for records in no ward of the scope.',
      resolve: (w) => (w.ward.wardId ? encodeGlobalID('AdministrativeUnit', w.ward.wardId) : null),
    }),
    wardName: t.string({ resolve: (w) => w.ward.wardName }),
    value: t.int({ resolve: (w) => w.ward.value }),
    denominator: t.int({ nullable: true, resolve: (w) => w.ward.denominator ?? null }),
    records: t.connection(
      {
        type: ReportRecord,
        extensions: roleGated(),
        description: 'Party figures: party-organisation roles only (null with FORBIDDEN at this path for other roles).',
        resolve: (w, args, ctx) => page(args, recordsFor(w.figure, w.ward.records, ctx)),
      },
      { name: 'ReportWardRecordConnection', fields: (c) => ({ totalCount: c.int({ resolve: (conn) => totalCount(conn) }) }) },
    ),
  }),
});

const FigureRef = builder.objectRef<FigureParent>('ReportFigure').implement({
  description: 'Một chỉ tiêu / One figure: what it counts (definition), its value and the records behind it.',
  fields: (t) => ({
    key: t.string({ description: 'Stable key, e.g. residentialGroups, boardsEstablished.', resolve: (f) => f.figure.key }),
    label: t.field({ type: Text, resolve: (f) => f.figure.label }),
    definition: t.field({ type: Text, description: 'Exactly what is counted.', resolve: (f) => f.figure.definition }),
    value: t.int({ resolve: (f) => f.figure.value }),
    denominator: t.int({ nullable: true, resolve: (f) => f.figure.denominator ?? null }),
    byWardAdditive: t.boolean({ description: 'True when the ward values add up to the total.', resolve: (f) => f.figure.byWardAdditive }),
    byWard: t.field({
      type: [WardFigureRef],
      description: 'Theo phường / By ward. Empty when withheld (byWardWithheld).',
      args: {
        wardIds: t.arg({
          type: ['ID'],
          required: { list: false, items: false },
          extensions: references('AdministrativeUnit'),
          description:
            'Chỉ các phường này / Only these wards (null: the records in no ward), e.g. to page one ward’s records: a cursor belongs to one ward’s list.',
        }),
      },
      resolve: (f, a) => {
        // The records in no ward have the empty ward id (the domain's UNASSIGNED_WARD_ID); asked for as null.
        const only = a.wardIds && new Set(a.wardIds.map((id) => (id === null || id === undefined ? '' : dbId(id, 'AdministrativeUnit'))));
        return f.figure.byWard.filter((ward) => !only || only.has(ward.wardId)).map((ward) => ({ figure: f.figure, ward }));
      },
    }),
    byWardWithheld: t.boolean({
      description:
        'Số theo phường của chỉ tiêu đảng chỉ dành cho cán bộ tổ chức đảng / A party figure’s ward values are for party-organisation roles only (API.md).',
      resolve: (f) => isWithheldByWard(f.figure),
    }),
    records: t.connection(
      {
        type: ReportRecord,
        description:
          'Các bản ghi được đếm / The records counted (totalCount = value). Party figures: party-organisation roles only (null with FORBIDDEN at this path for other roles; the other figures are answered).',
        extensions: roleGated(),
        resolve: (f, args, ctx) => page(args, recordsFor(f.figure, f.figure.records, ctx)),
      },
      { name: 'ReportRecordConnection', fields: (c) => ({ totalCount: c.int({ resolve: (conn) => totalCount(conn) }) }) },
    ),
  }),
});

/** A page of an in-memory list, carrying the list's length as totalCount. */
function page<T>(args: { first?: number | null; last?: number | null; before?: string | null; after?: string | null }, items: T[]) {
  return { ...resolveArrayConnection({ args, maxSize: MAX_PAGE_SIZE, defaultSize: 50 }, items), totalCount: items.length };
}

function totalCount(conn: unknown): number {
  return (conn as { totalCount: number }).totalCount;
}

const ReportRef = builder.objectRef<DirectiveReport>('DirectiveReport').implement({
  fields: (t) => ({
    directiveId: t.id({ resolve: (r) => encodeGlobalID('Directive', r.directive.id) }),
    directiveCode: t.string({ resolve: (r) => r.directive.code }),
    directiveTitle: t.string({ resolve: (r) => r.directive.title }),
    scopeId: t.id({ resolve: (r) => encodeGlobalID('AdministrativeUnit', r.scope.id) }),
    scopeName: t.string({ resolve: (r) => unitDisplayName(r.scope) }),
    from: t.field({ type: 'Date', resolve: (r) => r.period.from }),
    to: t.field({ type: 'Date', resolve: (r) => r.period.to }),
    figures: t.field({
      type: [FigureRef],
      args: { keys: t.arg.stringList({ required: false }) },
      resolve: (r, a) => r.figures.filter((f) => !a.keys || a.keys.includes(f.key)).map((figure) => ({ figure })),
    }),
    narrative: t.field({
      type: Text,
      description: 'Đoạn tổng hợp theo văn phong báo cáo / The summary paragraph, from the figures.',
      resolve: (r) => reportNarrative(r),
    }),
  }),
});

builder.queryField('directiveReport', (t) =>
  t.field({
    type: ReportRef,
    // Measured ≈ 340 ms (≈ 4300) for Long Biên; grows with the records of the place: 5000, so at most 9 per request.
    extensions: fieldCost(5000),
    description:
      'Báo cáo sơ kết / The review report of a directive for a place: every figure with its definition, per-ward breakdown and the records it counts. Default period: from the directive’s issue date to `to`.',
    args: {
      directiveId: t.arg.id({ required: true, extensions: references('Directive') }),
      scopeId: t.arg.id({ required: true, extensions: references('AdministrativeUnit') }),
      from: t.arg({ type: 'Date', required: false }),
      to: t.arg({ type: 'Date', required: true, description: 'The as-of date (e.g. the review conference, 2022-12-01).' }),
    },
    resolve: async (_r, args, ctx) => {
      const result = await directiveReportFor(ctx, {
        directiveId: dbId(args.directiveId, 'Directive'),
        scopeUnitId: dbId(args.scopeId, 'AdministrativeUnit'),
        to: args.to,
        ...(args.from ? { from: args.from } : {}),
      });
      if (!result.ok)
        throw bilingualError('BAD_USER_INPUT', new ValidationError(result.violations).localized, { violations: result.violations });
      return result.value;
    },
  }),
);

export const FindingRef = builder.objectRef<WorkedFinding>('Finding').implement({
  description: 'Một tồn tại / A gap where the directive is not met yet, with the work on it (finding-work.ts).',
  fields: (t) => ({
    code: t.string({ description: 'Rule code, e.g. GROUP_WITHOUT_CELL.', resolve: (w) => w.finding.code }),
    severity: t.string({ resolve: (w) => w.finding.severity }),
    entityId: t.id({
      description: 'Global id of the record the gap is about (node).',
      resolve: (w) => encodeGlobalID(w.finding.entity.type, w.finding.entity.id),
    }),
    entityType: t.string({ resolve: (w) => w.finding.entity.type }),
    entityName: t.string({ resolve: (w) => w.finding.entityName }),
    wardId: t.id({ nullable: true, resolve: (w) => (w.finding.wardId ? encodeGlobalID('AdministrativeUnit', w.finding.wardId) : null) }),
    wardName: t.string({ resolve: (w) => w.finding.wardName }),
    residentialGroupId: t.id({
      nullable: true,
      description:
        'Tổ dân phố của tồn tại / Global id of the residential group the gap lies in on the date (its progress is shown per group).',
      resolve: (w) => (w.finding.residentialGroupId ? encodeGlobalID('AdministrativeUnit', w.finding.residentialGroupId) : null),
    }),
    message: t.field({ type: Text, resolve: (w) => w.finding.message }),
  }),
});

builder.queryField('findings', (t) =>
  t.connection(
    {
      type: FindingRef,
      // Measured ≈ 150 ms (≈ 2000) for Long Biên, whatever the page size: every rule over the place.
      extensions: fieldCost(2500),
      description:
        'Tồn tại, hạn chế / The gaps of the directive in a place as of a date, by ward, filterable by rule code and ward, and by their work today (state, overdue, assignee): with a closed state the list also has the closed findings the data no longer shows. CELL_MIN_OFFICIAL_MEMBERS and BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: party-organisation roles only.',
      args: {
        scopeId: t.arg.id({ required: true, extensions: references('AdministrativeUnit') }),
        asOf: asOfArg(t.arg),
        codes: t.arg.stringList({ required: false }),
        wardIds: t.arg.idList({ required: false, extensions: references('AdministrativeUnit') }),
        states: t.arg({ type: [FindingWorkStateEnum], required: false, description: 'Trạng thái xử lý / Work states (today).' }),
        overdue: t.arg.boolean({ required: false, description: 'Quá hạn / Open past its due date (true), or not (false).' }),
        assigneeUnitId: t.arg.id({ required: false, extensions: references('AdministrativeUnit') }),
        assigneePersonId: t.arg.id({ required: false, extensions: references('Person') }),
      },
      resolve: async (_r, args, ctx, info) => {
        const result = await findingsWithWork(
          ctx,
          {
            scopeUnitId: dbId(args.scopeId, 'AdministrativeUnit'),
            on: resolveAsOf(args.asOf, ctx, info),
            ...(args.codes ? { codes: args.codes } : {}),
            ...(args.wardIds ? { wardIds: args.wardIds.map((id) => dbId(id, 'AdministrativeUnit')) } : {}),
          },
          workFilter(args),
        );
        if (!result.ok)
          throw bilingualError('BAD_USER_INPUT', new ValidationError(result.violations).localized, { violations: result.violations });
        if (!ctx.access.seesParty) notePartyFindings(ctx, [...PARTY_FINDINGS]);
        return page(args, result.value);
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => totalCount(conn) }) }) },
  ),
);
