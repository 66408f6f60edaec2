import { type DirectiveReport, type Figure, type Finding, type RecordRef, reportNarrative, type WardFigure } from '@coso/domain';
import { encodeGlobalID, resolveArrayConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { forbidden } from '../auth/access.js';
import { PARTY_FIGURES, storedDirectiveReport, storedFindings } from '../report/compute.js';
import { AS_OF_DESCRIPTION, resolveAsOf } from './as-of.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { ValidationError } from './errors.js';
import { dbId } from './ids.js';
import { MAX_PAGE_SIZE } from './page-size-plugin.js';

/**
 * The directive work's two read models: the review report (every figure, its definition, its
 * per-ward breakdown and the records it counts, one click away) and the findings (where the
 * directive is not met yet). Both are the domain's reference definitions over the stored records.
 */
interface LocalizedText {
  vi: string;
  en: string;
}
const Text = builder.objectRef<LocalizedText>('ReportText').implement({
  fields: (t) => ({ vi: t.exposeString('vi'), en: t.exposeString('en') }),
});

const ReportRecord = builder.objectRef<RecordRef>('ReportRecord').implement({
  description: 'Một bản ghi được đếm / A record a figure counts: fetch it with node(id:).',
  fields: (t) => ({
    id: t.id({ description: 'Global id (node).', resolve: (r) => encodeGlobalID(r.type, r.id) }),
    type: t.string({ resolve: (r) => r.type }),
    name: t.string({ resolve: (r) => r.name }),
  }),
});

interface FigureParent {
  figure: Figure;
}
interface WardParent {
  key: string;
  ward: WardFigure;
}

/** The drill-down of party figures names party members: party-organisation roles only. */
function recordsFor(key: string, records: RecordRef[], ctx: Context): RecordRef[] {
  if (PARTY_FIGURES.has(key) && !ctx.access.seesParty) throw forbidden();
  return records;
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
      { type: ReportRecord, resolve: (w, args, ctx) => page(args, recordsFor(w.key, w.ward.records, ctx)) },
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
    byWard: t.field({ type: [WardFigureRef], resolve: (f) => f.figure.byWard.map((ward) => ({ key: f.figure.key, ward })) }),
    records: t.connection(
      {
        type: ReportRecord,
        description: 'Các bản ghi được đếm / The records counted (totalCount = value). Party figures: party-organisation roles only.',
        resolve: (f, args, ctx) => page(args, recordsFor(f.figure.key, f.figure.records, ctx)),
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
    scopeName: t.string({ resolve: (r) => `${r.scope.kindLabel} ${r.scope.name}` }),
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

/** A territorial viewer reports on their own territory only. */
async function checkScope(ctx: Context, scopeId: string): Promise<void> {
  const units = ctx.access.territoryUnits();
  if (!ctx.access.signedIn || (units && !units.has(scopeId))) throw forbidden();
}

builder.queryField('directiveReport', (t) =>
  t.field({
    type: ReportRef,
    description:
      'Báo cáo sơ kết / The review report of a directive for a place: every figure with its definition, per-ward breakdown and the records it counts. Default period: from the directive’s issue date to `to`.',
    args: {
      directiveId: t.arg.id({ required: true }),
      scopeId: t.arg.id({ required: true }),
      from: t.arg({ type: 'Date', required: false }),
      to: t.arg({ type: 'Date', required: true, description: 'The as-of date (e.g. the review conference, 2022-12-01).' }),
    },
    resolve: async (_r, args, ctx) => {
      const scopeUnitId = dbId(args.scopeId, 'AdministrativeUnit');
      await checkScope(ctx, scopeUnitId);
      const result = await storedDirectiveReport(ctx.prisma, {
        directiveId: dbId(args.directiveId, 'Directive'),
        scopeUnitId,
        to: args.to,
        ...(args.from ? { from: args.from } : {}),
      });
      if (!result.ok)
        throw new GraphQLError(new ValidationError(result.violations).message, {
          extensions: { code: 'BAD_USER_INPUT', violations: result.violations },
        });
      return result.value;
    },
  }),
);

const FindingRef = builder.objectRef<Finding>('Finding').implement({
  description: 'Một tồn tại / A gap where the directive is not met yet.',
  fields: (t) => ({
    code: t.string({ description: 'Rule code, e.g. GROUP_WITHOUT_CELL.', resolve: (f) => f.code }),
    severity: t.string({ resolve: (f) => f.severity }),
    entityId: t.id({
      description: 'Global id of the record the gap is about (node).',
      resolve: (f) => encodeGlobalID(f.entity.type, f.entity.id),
    }),
    entityType: t.string({ resolve: (f) => f.entity.type }),
    entityName: t.string({ resolve: (f) => f.entityName }),
    wardId: t.id({ nullable: true, resolve: (f) => (f.wardId ? encodeGlobalID('AdministrativeUnit', f.wardId) : null) }),
    wardName: t.string({ resolve: (f) => f.wardName }),
    message: t.field({ type: Text, resolve: (f) => f.message }),
  }),
});

builder.queryField('findings', (t) =>
  t.connection(
    {
      type: FindingRef,
      description: 'Tồn tại, hạn chế / The gaps of the directive in a place as of a date, by ward, filterable by rule code and ward.',
      args: {
        scopeId: t.arg.id({ required: true }),
        asOf: t.arg({ type: 'Date', required: false, description: AS_OF_DESCRIPTION }),
        codes: t.arg.stringList({ required: false }),
        wardIds: t.arg.idList({ required: false }),
      },
      resolve: async (_r, args, ctx) => {
        const scopeUnitId = dbId(args.scopeId, 'AdministrativeUnit');
        await checkScope(ctx, scopeUnitId);
        const result = await storedFindings(ctx.prisma, {
          scopeUnitId,
          on: resolveAsOf(args.asOf, ctx),
          ...(args.codes ? { codes: args.codes as never } : {}),
          ...(args.wardIds ? { wardIds: args.wardIds.map((id) => dbId(id, 'AdministrativeUnit')) } : {}),
        });
        if (!result.ok)
          throw new GraphQLError(new ValidationError(result.violations).message, {
            extensions: { code: 'BAD_USER_INPUT', violations: result.violations },
          });
        return page(args, result.value);
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => totalCount(conn) }) }) },
  ),
);
