import { z } from 'zod';
import { validateAdminCode } from '../identifiers/admin-code.js';
import { ORGANIZATION_KINDS } from '../model/bodies.js';
import { UNIT_KINDS } from '../model/places.js';
import { REORGANISATION_KINDS } from '../model/reorganisation.js';
import { normaliseName } from '../text/normalize.js';
import type { FieldPath, LocalizedText } from '../validation/result.js';
import {
  addIssue,
  addViolations,
  checkNotSelf,
  dateField,
  type IssueSink,
  idField,
  lowerFirst,
  optionalAdminCodeField,
  optionalIdField,
  optionalLongTextField,
  read,
  readOneOf,
  requiredLongTextField,
  requiredTextField,
  WHEN_OBJECT,
} from './fields.js';
import { describeField } from './parse-input.js';

/**
 * Recording a reorganisation, as a client sends it (the GraphQL `RecordReorganisationInput`):
 * what ends, what starts, what moves. New units and bodies are named by a `ref` of the client's
 * choosing, and any id field that may point at something the plan creates takes such a ref
 * (a merge's children move to `"new-unit"`, the ref of the merged place).
 *
 * What can be seen from the input alone is checked here, every problem at its path: fields,
 * at least one change, nothing listed twice, a unit not both ended and moved, nothing moved to
 * or placed under what the same plan ends, refs only where a new unit or body can stand. What
 * needs the data (does the unit exist on that day, is every child of an ended unit moved, the
 * shape a kind of reorganisation must have) is `validatePlan`'s, once ids are resolved.
 */

/** A unit kind label as a form sends it: blank or null → left out (the model has no null there). */
const optionalKindLabelField = z
  .string()
  .transform((s) => normaliseName(s) || undefined)
  .nullish()
  .transform((v) => v ?? undefined);

/** A list of changes: left out or null means none. */
function changes<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);
}

const newUnitInput = z
  .object({
    ref: idField,
    kind: z.enum(UNIT_KINDS),
    name: requiredTextField,
    kindLabel: optionalKindLabelField,
    code: optionalAdminCodeField,
    parentId: optionalIdField,
  })
  .superRefine((value, ctx) => {
    checkNotSelf(value, ctx, 'ref', 'parentId');
    const code = read(value, 'code');
    const kind = readOneOf(value, 'kind', UNIT_KINDS);
    if (typeof code === 'string' && code.trim() !== '') addViolations(ctx, validateAdminCode(code.trim(), kind ?? null, ['code']), code);
  }, WHEN_OBJECT);

const newOrganizationInput = z
  .object({
    ref: idField,
    kind: z.enum(ORGANIZATION_KINDS),
    name: requiredTextField,
    parentId: optionalIdField,
    unitIds: z.array(idField),
  })
  .superRefine((value, ctx) => checkNotSelf(value, ctx, 'ref', 'parentId'), WHEN_OBJECT);

const moveUnitInput = z
  .object({ unitId: idField, toParentId: idField })
  .superRefine((value, ctx) => checkNotSelf(value, ctx, 'unitId', 'toParentId'), WHEN_OBJECT);

const moveOrganizationAreaInput = z
  .object({ organizationId: idField, fromUnitId: idField, toUnitId: idField })
  .superRefine((value, ctx) => checkNotSelf(value, ctx, 'fromUnitId', 'toUnitId'), WHEN_OBJECT);

const moveOrganizationInput = z
  .object({ organizationId: idField, toParentId: idField })
  .superRefine((value, ctx) => checkNotSelf(value, ctx, 'organizationId', 'toParentId'), WHEN_OBJECT);

const moveMembershipInput = z.object({ membershipId: idField, toOrganizationId: idField });

const movePartyCellInput = z
  .object({ fromCellId: idField, toCellId: idField })
  .superRefine((value, ctx) => checkNotSelf(value, ctx, 'fromCellId', 'toCellId'), WHEN_OBJECT);

/**
 * The lists of changes; a plan needs at least one entry in one of them. They are applied to the
 * other tables, not stored on the event (see `ReorganisationEvent`).
 */
export const REORGANISATION_CHANGE_LISTS = [
  'endUnitIds',
  'newUnits',
  'moveUnits',
  'endOrganizationIds',
  'newOrganizations',
  'moveOrganizationAreas',
  'moveOrganizations',
  'moveMemberships',
  'movePartyCells',
] as const;

/**
 * Schema of a reorganisation plan to record: what the input alone shows wrong is reported (nothing to
 * change, duplicates, a unit both ended and moved).
 */
export const recordReorganisationInput = z
  .object({
    kind: z.enum(REORGANISATION_KINDS),
    effectiveOn: dateField,
    /** e.g. "Nghị quyết 1656/NQ-UBTVQH15". */
    legalBasis: requiredLongTextField,
    note: optionalLongTextField,
    endUnitIds: changes(idField),
    newUnits: changes(newUnitInput),
    moveUnits: changes(moveUnitInput),
    endOrganizationIds: changes(idField),
    newOrganizations: changes(newOrganizationInput),
    moveOrganizationAreas: changes(moveOrganizationAreaInput),
    moveOrganizations: changes(moveOrganizationInput),
    moveMemberships: changes(moveMembershipInput),
    movePartyCells: changes(movePartyCellInput),
  })
  .superRefine(checkPlan, WHEN_OBJECT);

/** A reorganisation plan to record, as `recordReorganisationInput` outputs it. */
export type RecordReorganisationInput = z.output<typeof recordReorganisationInput>;

// ——— whole-input checks (reading defensively: they run even when some fields failed) ———

type Entry = readonly [FieldPath, string];

/** The non-blank string values of a list, or of one field of each of its objects, with their paths. */
function entries(value: object, key: string, field: string | null = null): Entry[] {
  const list = read(value, key);
  if (!Array.isArray(list)) return [];
  const out: Entry[] = [];
  list.forEach((item: unknown, i) => {
    const v = field === null ? item : typeof item === 'object' && item !== null ? read(item, field) : undefined;
    if (typeof v === 'string' && v.trim() !== '') out.push([field === null ? [key, i] : [key, i, field], v.trim()]);
  });
  return out;
}

/** The places each new body serves: `newOrganizations.i.unitIds.j`. */
function servedPlaces(value: object): Entry[][] {
  const list = read(value, 'newOrganizations');
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown, i) =>
    typeof item === 'object' && item !== null
      ? entries(item, 'unitIds').map(([path, v]): Entry => [['newOrganizations', i, ...path], v])
      : [],
  );
}

function checkPlan(value: object, ctx: IssueSink): void {
  const empty = REORGANISATION_CHANGE_LISTS.every((key) => {
    const list = read(value, key);
    return list === undefined || list === null || (Array.isArray(list) && list.length === 0);
  });
  if (empty) {
    addIssue(ctx, 'INVALID_VALUE', [], value, {
      vi: 'Phương án sắp xếp cần ít nhất một thay đổi: kết thúc, thành lập hoặc chuyển đơn vị, tổ chức, chức vụ hay đảng viên.',
      en: 'A reorganisation needs at least one change: a unit or body ended, started or moved, a membership or party members moved.',
    });
  }

  const unitRefs = entries(value, 'newUnits', 'ref');
  const orgRefs = entries(value, 'newOrganizations', 'ref');
  const newUnits = new Set(unitRefs.map(([, v]) => v));
  const newOrgs = new Set(orgRefs.map(([, v]) => v));
  const endUnits = entries(value, 'endUnitIds');
  const endOrgs = entries(value, 'endOrganizationIds');
  // A ref among them is refused below on its own; it does not make what moves to it wrong too.
  const ended = new Set(endUnits.map(([, v]) => v).filter((v) => !newUnits.has(v) && !newOrgs.has(v)));
  const dissolved = new Set(endOrgs.map(([, v]) => v).filter((v) => !newUnits.has(v) && !newOrgs.has(v)));

  // Nothing twice.
  checkUnique(ctx, [...unitRefs, ...orgRefs], {
    vi: 'mỗi mã tạm chỉ đặt cho một đơn vị hoặc tổ chức mới.',
    en: 'each reference names one new unit or body.',
  });
  checkUnique(ctx, endUnits, { vi: 'mỗi đơn vị chỉ kết thúc một lần.', en: 'each unit ends once.' });
  checkUnique(ctx, entries(value, 'moveUnits', 'unitId'), { vi: 'mỗi đơn vị chỉ được chuyển một lần.', en: 'each unit is moved once.' });
  checkUnique(ctx, entries(value, 'newUnits', 'code'), { vi: 'mỗi mã chỉ cấp cho một đơn vị.', en: 'a code is given to one unit only.' });
  checkUnique(ctx, endOrgs, { vi: 'mỗi tổ chức chỉ giải thể một lần.', en: 'each body is dissolved once.' });
  checkUnique(ctx, entries(value, 'moveOrganizations', 'organizationId'), {
    vi: 'mỗi tổ chức chỉ chuyển sang một tổ chức cấp trên.',
    en: 'each body moves to one parent.',
  });
  checkUnique(ctx, entries(value, 'moveMemberships', 'membershipId'), {
    vi: 'mỗi chức vụ chỉ được chuyển một lần.',
    en: 'each membership is moved once.',
  });
  checkUnique(ctx, entries(value, 'movePartyCells', 'fromCellId'), {
    vi: 'đảng viên của mỗi chi bộ chỉ chuyển sang một chi bộ.',
    en: "each cell's party members move to one cell.",
  });
  const areaOrgs = new Map(entries(value, 'moveOrganizationAreas', 'organizationId').map(([path, v]) => [path[1], v]));
  checkUnique(
    ctx,
    entries(value, 'moveOrganizationAreas', 'fromUnitId').map(([path, v]): Entry => [path, `${areaOrgs.get(path[1]) ?? ''}\u0000${v}`]),
    { vi: 'mỗi địa bàn của một tổ chức chỉ được chuyển một lần.', en: "each of a body's places is moved once." },
  );
  for (const places of servedPlaces(value)) {
    checkUnique(ctx, places, { vi: 'mỗi địa bàn chỉ ghi một lần.', en: 'each place is listed once.' });
  }

  // Ended (or dissolved) and moved at once.
  for (const [path, id] of entries(value, 'moveUnits', 'unitId')) {
    if (ended.has(id))
      issue(ctx, path, id, {
        vi: 'cũng nằm trong danh sách đơn vị kết thúc: đơn vị kết thúc thì không chuyển, chỉ các đơn vị trực thuộc của nó được chuyển đi.',
        en: 'is also among the units ended: a unit that ends is not moved, only its children are.',
      });
  }
  for (const [key, rule] of [
    [
      'moveOrganizations',
      {
        vi: 'cũng nằm trong danh sách tổ chức giải thể: tổ chức giải thể thì không chuyển sang tổ chức cấp trên khác.',
        en: 'is also among the bodies dissolved: a dissolved body does not move to another parent.',
      },
    ],
    [
      'moveOrganizationAreas',
      {
        vi: 'cũng nằm trong danh sách tổ chức giải thể: tổ chức giải thể thì không chuyển địa bàn phụ trách.',
        en: "is also among the bodies dissolved: a dissolved body's places are not moved.",
      },
    ],
  ] as const) {
    for (const [path, id] of entries(value, key, 'organizationId')) if (dissolved.has(id)) issue(ctx, path, id, rule);
  }

  // Refs stand only where a new unit or body can; nothing goes under or to what the plan ends.
  const existingUnitFields = [
    ...endUnits,
    ...entries(value, 'moveUnits', 'unitId'),
    ...entries(value, 'moveOrganizationAreas', 'fromUnitId'),
  ];
  const unitTargets = [
    ...entries(value, 'newUnits', 'parentId'),
    ...entries(value, 'moveUnits', 'toParentId'),
    ...servedPlaces(value).flat(),
    ...entries(value, 'moveOrganizationAreas', 'toUnitId'),
  ];
  const existingOrgFields = [
    ...endOrgs,
    ...entries(value, 'moveOrganizations', 'organizationId'),
    ...entries(value, 'moveOrganizationAreas', 'organizationId'),
    ...entries(value, 'movePartyCells', 'fromCellId'),
  ];
  const orgTargets = [
    ...entries(value, 'newOrganizations', 'parentId'),
    ...entries(value, 'moveOrganizations', 'toParentId'),
    ...entries(value, 'moveMemberships', 'toOrganizationId'),
    ...entries(value, 'movePartyCells', 'toCellId'),
  ];
  for (const [path, id] of existingUnitFields) {
    if (newUnits.has(id)) issue(ctx, path, id, newHere(id, 'unit'));
    else if (newOrgs.has(id)) issue(ctx, path, id, notAUnit(id));
  }
  for (const [path, id] of unitTargets) {
    if (newOrgs.has(id)) issue(ctx, path, id, notAUnit(id));
    else if (ended.has(id))
      issue(ctx, path, id, {
        vi: 'là một đơn vị kết thúc trong chính phương án này: không đơn vị, tổ chức nào được đặt dưới hay chuyển đến đơn vị đã kết thúc.',
        en: 'is a unit this same plan ends: nothing can be placed under or moved to a unit that ends.',
      });
  }
  for (const [path, id] of existingOrgFields) {
    if (newOrgs.has(id)) issue(ctx, path, id, newHere(id, 'body'));
    else if (newUnits.has(id)) issue(ctx, path, id, notABody(id));
  }
  for (const [path, id] of orgTargets) {
    if (newUnits.has(id)) issue(ctx, path, id, notABody(id));
    else if (dissolved.has(id))
      issue(ctx, path, id, {
        vi: 'là một tổ chức giải thể trong chính phương án này: không tổ chức, chức vụ hay đảng viên nào được chuyển đến tổ chức đã giải thể.',
        en: 'is a body this same plan dissolves: no body, membership or party member can be moved to it.',
      });
  }
  for (const [path, id] of entries(value, 'moveMemberships', 'membershipId')) {
    if (newUnits.has(id)) issue(ctx, path, id, notABody(id));
    else if (newOrgs.has(id)) issue(ctx, path, id, newHere(id, 'body'));
  }
}

/** INVALID_VALUE at `path`, the message starting with the field as messages name it. */
function issue(ctx: IssueSink, path: FieldPath, input: string, rest: LocalizedText): void {
  const field = describeField(path);
  addIssue(ctx, 'INVALID_VALUE', path, input, { vi: `${field.vi} ${rest.vi}`, en: `${field.en} ${rest.en}` });
}

function newHere(ref: string, what: 'unit' | 'body'): LocalizedText {
  return what === 'unit'
    ? {
        vi: `phải là một đơn vị đang tồn tại, không phải "${ref}", đơn vị mới của chính phương án này.`,
        en: `must be an existing unit, not "${ref}", a new unit of this same plan.`,
      }
    : {
        vi: `phải là một tổ chức đang tồn tại, không phải "${ref}", tổ chức mới của chính phương án này.`,
        en: `must be an existing body, not "${ref}", a new body of this same plan.`,
      };
}

function notAUnit(ref: string): LocalizedText {
  return {
    vi: `phải là một đơn vị hành chính; "${ref}" là tổ chức mới của phương án.`,
    en: `must be an administrative unit; "${ref}" is a new body of the plan.`,
  };
}

function notABody(ref: string): LocalizedText {
  return {
    vi: `phải là một tổ chức; "${ref}" là đơn vị hành chính mới của phương án.`,
    en: `must be a body; "${ref}" is a new administrative unit of the plan.`,
  };
}

/** INVALID_VALUE at each later occurrence of a value, naming the entry it repeats. */
function checkUnique(ctx: IssueSink, list: readonly Entry[], rule: LocalizedText): void {
  const first = new Map<string, FieldPath>();
  for (const [path, v] of list) {
    const earlier = first.get(v);
    if (earlier === undefined) {
      first.set(v, path);
      continue;
    }
    const here = describeField(path);
    const there = describeField(earlier);
    addIssue(ctx, 'INVALID_VALUE', path, v, {
      vi: `${here.vi} trùng với ${lowerFirst(there.vi)}: ${rule.vi}`,
      en: `${here.en} repeats ${lowerFirst(there.en)}: ${rule.en}`,
    });
  }
}
