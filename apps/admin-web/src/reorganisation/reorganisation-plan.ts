import { type IsoDate, isAllowedParentKind, parseInput, recordReorganisationInput, type UnitKind } from '@coso/domain';
import type { FieldPath, ViolationLike } from '../forms/violations';
import type { RecordReorganisationInput } from '../gql/graphql';
import { type KeysOf, type MessageParams, translator } from '../i18n/dictionary';
import { reorganisationMessages } from '../i18n/messages/reorganisation';

/**
 * The two common reorganisations the form records: several places merged into a new one (one
 * place ended and succeeded by another is a rename), or places moved under another parent (a
 * transfer of part, e.g. residential groups to another ward).
 */
export type ReorganisationMode = 'merge' | 'move';

export interface NewUnitValues {
  name: string;
  kind: UnitKind | null;
  kindLabel: string;
  code: string;
  parentId: string | null;
}

/** The form's values, as plain data (dates as `YYYY-MM-DD`). */
export interface ReorganisationFormValues {
  mode: ReorganisationMode;
  effectiveOn: IsoDate | null;
  legalBasis: string;
  note: string;
  /** The parent whose places are chosen below (the ward of the groups, the city of the wards). */
  fromParentId: string | null;
  /** The places merged (ended) or moved. */
  unitIds: string[];
  /** merge: the place that succeeds them. */
  newUnit: NewUnitValues;
  /** move: the new parent. */
  toParentId: string | null;
}

export const EMPTY_NEW_UNIT: NewUnitValues = { name: '', kind: null, kindLabel: '', code: '', parentId: null };

/**
 * What hangs on the places a merge ends, read on the effective date: their children move under
 * the new place, and the bodies serving them serve the new place from then on (nothing is left
 * under a place that no longer exists, as the domain requires).
 */
export interface MergeContext {
  childIds: string[];
  areas: Array<{ organizationId: string; unitId: string }>;
}

/** A place a merge ends, as the server answers (`nodes(ids:)`: other types or null are skipped). */
export type ContextNode =
  | {
      __typename: 'AdministrativeUnit';
      id: string;
      children: { nodes: ReadonlyArray<{ id: string }> };
      organizations: ReadonlyArray<{ id: string }>;
    }
  | { __typename: string }
  | null;

/** The children and bodies of the places a merge ends. */
export function mergeContextOf(nodes: readonly ContextNode[]): MergeContext {
  const context: MergeContext = { childIds: [], areas: [] };
  for (const node of nodes) {
    if (!node || !('children' in node)) continue;
    context.childIds.push(...node.children.nodes.map((c) => c.id));
    context.areas.push(...node.organizations.map((o) => ({ organizationId: o.id, unitId: node.id })));
  }
  return context;
}

/** The new place's name within the plan (the server gives it an id). */
export const NEW_UNIT_REF = 'new-unit';

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The mutation input for the form's values (validated first with `reorganisationViolations`). */
export function toRecordReorganisationInput(values: ReorganisationFormValues, context: MergeContext): RecordReorganisationInput {
  const common = {
    effectiveOn: values.effectiveOn ?? '',
    legalBasis: values.legalBasis.trim(),
    note: blankToNull(values.note),
  };
  if (values.mode === 'move') {
    const toParentId = values.toParentId ?? '';
    return { ...common, kind: 'TRANSFER_PART', moveUnits: values.unitIds.map((unitId) => ({ unitId, toParentId })) };
  }
  const { newUnit } = values;
  return {
    ...common,
    kind: values.unitIds.length >= 2 ? 'MERGE' : 'RENAME',
    endUnitIds: [...values.unitIds],
    newUnits: [
      {
        ref: NEW_UNIT_REF,
        kind: newUnit.kind ?? 'WARD',
        name: newUnit.name.trim(),
        kindLabel: blankToNull(newUnit.kindLabel),
        code: blankToNull(newUnit.code),
        parentId: newUnit.parentId,
      },
    ],
    moveUnits: context.childIds.filter((id) => !values.unitIds.includes(id)).map((unitId) => ({ unitId, toParentId: NEW_UNIT_REF })),
    moveOrganizationAreas: context.areas.map((a) => ({ organizationId: a.organizationId, fromUnitId: a.unitId, toUnitId: NEW_UNIT_REF })),
  };
}

type ReorganisationKey = KeysOf<typeof reorganisationMessages>;
const [viText, enText] = [translator('vi', [reorganisationMessages]), translator('en', [reorganisationMessages])];
const message = (key: ReorganisationKey, params?: MessageParams) => ({ vi: viText(key, params), en: enText(key, params) });
const local = (code: string, path: FieldPath, key: ReorganisationKey, params?: MessageParams): ViolationLike => ({
  code,
  path,
  message: message(key, params),
});

/**
 * The form's own wording for what the domain's schema reports on one of its fields (field and
 * code): the form guides ("Choose the effective date") where the schema states ("Effective
 * date is required").
 */
const FORM_WORDING: Readonly<Record<string, ReorganisationKey>> = {
  'effectiveOn|REQUIRED_FIELD': 'reorganisation.error.effectiveOn',
  'legalBasis|REQUIRED_FIELD': 'reorganisation.error.legalBasis',
  'toParentId|REQUIRED_FIELD': 'reorganisation.error.toParent',
  // From this form, the only thing wrong with a chosen parent that the input shows: it is merged too.
  'newUnit.parentId|INVALID_VALUE': 'reorganisation.error.parentEnds',
};

/** The form's fields in the order it shows them: the order its messages are listed in. */
const FIELD_ORDER = [
  'effectiveOn',
  'legalBasis',
  'note',
  'fromParentId',
  'unitIds',
  'toParentId',
  'newUnit.name',
  'newUnit.kind',
  'newUnit.kindLabel',
  'newUnit.code',
  'newUnit.parentId',
];

/**
 * The mutation input as the form's values stand, blanks included (no date, no kind, no new
 * parent yet), for the domain's schema to say what is missing. The children and bodies a merge
 * moves are read on submit; they are not the user's input.
 */
function draftInput(values: ReorganisationFormValues): Record<string, unknown> {
  const input = toRecordReorganisationInput(values, { childIds: [], areas: [] });
  return {
    ...input,
    effectiveOn: values.effectiveOn,
    newUnits: input.newUnits?.map((u) => ({ ...u, kind: values.newUnit.kind })),
    moveUnits: values.mode === 'move' ? values.unitIds.map((unitId) => ({ unitId, toParentId: values.toParentId })) : input.moveUnits,
  };
}

/**
 * Every problem the form can see before asking the server, on the form's own field paths: the
 * domain's `recordReorganisationInput` on the mutation input the form would send (date, legal
 * basis, the new place's name, kind and code, a move under itself, a new place under one of the
 * places it replaces — the rules the server applies first), and what only the form knows: its
 * required choices and the kinds of the places chosen (`kindOf`; unknown ones are not checked).
 */
export function reorganisationViolations(values: ReorganisationFormValues, kindOf: (id: string) => UnitKind | undefined): ViolationLike[] {
  const out: ViolationLike[] = [];
  if (values.unitIds.length === 0) {
    out.push(
      local(
        'REQUIRED_FIELD',
        ['unitIds'],
        values.mode === 'merge' ? 'reorganisation.error.unitsToMerge' : 'reorganisation.error.unitsToMove',
      ),
    );
  }
  if (values.mode === 'move') {
    if (!values.toParentId) out.push(local('REQUIRED_FIELD', ['toParentId'], 'reorganisation.error.toParent'));
    else if (values.toParentId === values.fromParentId) out.push(local('INVALID_VALUE', ['toParentId'], 'reorganisation.error.sameParent'));
  }

  const ownFields = new Set(out.map((v) => v.path.join('.')));
  const parsed = parseInput(recordReorganisationInput, draftInput(values));
  const fieldFor = formFieldFor(values.mode);
  for (const v of parsed.ok ? [] : parsed.violations) {
    // A plan with no change at all: the places to merge or move are what is missing.
    const field = v.path.length === 0 ? ['unitIds'] : fieldFor([...v.path]);
    if (field === null) {
      out.push(v);
      continue;
    }
    // The form's own message on that field already says it.
    if (ownFields.has(field.join('.'))) continue;
    const wording = FORM_WORDING[`${field.join('.')}|${v.code}`];
    out.push({ code: v.code, path: field, message: wording ? message(wording) : v.message });
  }

  if (values.mode === 'merge') {
    const { newUnit } = values;
    const parentKind = newUnit.parentId ? kindOf(newUnit.parentId) : undefined;
    if (newUnit.kind && parentKind && !isAllowedParentKind(newUnit.kind, parentKind)) {
      out.push(local('UNIT_PARENT_KIND', ['newUnit', 'parentId'], 'reorganisation.error.parentKind'));
    }
  } else if (values.toParentId) {
    const targetKind = kindOf(values.toParentId);
    for (const unitId of values.unitIds) {
      const kind = kindOf(unitId);
      if (kind && targetKind && !isAllowedParentKind(kind, targetKind)) {
        out.push(local('UNIT_PARENT_KIND', ['toParentId'], 'reorganisation.error.parentKind'));
      }
    }
  }
  return inFormOrder(dedupe(out));
}

function inFormOrder(violations: ViolationLike[]): ViolationLike[] {
  const rank = (v: ViolationLike) => {
    const i = FIELD_ORDER.indexOf(v.path.join('.'));
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return [...violations].sort((a, b) => rank(a) - rank(b));
}

function dedupe(violations: ViolationLike[]): ViolationLike[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.path.join('.')}|${v.message.vi}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const NEW_UNIT_FIELDS = new Set(['name', 'kind', 'kindLabel', 'code', 'parentId']);

/**
 * Where a server violation goes on the form. The server names the plan's fields (`endUnits.1`,
 * `newUnits.0.code`, `moveUnits.3.toParentId`); children and bodies a merge moves by itself are
 * not on the form, so their problems are shown above the buttons.
 */
export function formFieldFor(mode: ReorganisationMode): (path: FieldPath) => FieldPath | null {
  return (path) => {
    const [head, index, field] = path;
    switch (head) {
      case 'effectiveOn':
      case 'legalBasis':
      case 'note':
        return [head];
      case 'endUnits':
      case 'endUnitIds':
      case 'kind':
        return ['unitIds'];
      case 'newUnits':
        return typeof field === 'string' && NEW_UNIT_FIELDS.has(field) ? ['newUnit', field] : null;
      case 'moveUnits':
        if (mode !== 'move' || index === undefined) return null;
        return field === 'toParentId' ? ['toParentId'] : ['unitIds'];
      default:
        return null;
    }
  };
}
