import type { OrganizationKind } from '../model/bodies.js';
import type { AdministrativeUnit, Id, UnitKind } from '../model/places.js';
import type { ReorganisationEvent, ReorganisationKind } from '../model/reorganisation.js';
import type { DomainState } from '../model/state.js';
import { RULES } from '../rules/catalog.js';
import { addDays, type IsoDate, isIsoDate } from '../time/dates.js';
import { isActiveOn, periodsOverlap } from '../time/period.js';
import { type FieldPath, fail, fromViolations, type LocalizedText, type Result, type Violation } from '../validation/result.js';
import { buildingsLeftBehind } from './buildings-left-behind.js';
import { isAllowedParentKind } from './parent-kinds.js';

/**
 * What a reorganisation does, as data: which units end, which start, where children and bodies
 * go. `applyReorganisation` turns it into end-dated old records and new records from
 * `effectiveOn`, so every as-of query before that date answers exactly as before.
 *
 * Apartment buildings do not move with a plan: a building's residential group is an attribute of
 * the building, not a dated link, so moving it from a date would rewrite its past. A plan that
 * ends a group with buildings in it is refused (REORGANISATION_BUILDINGS_LEFT_BEHIND); a group
 * moved to another ward keeps its buildings.
 */
export interface ReorganisationPlan {
  /** Id of the event record to create. */
  id: Id;
  kind: ReorganisationKind;
  effectiveOn: IsoDate;
  legalBasis: string;
  note?: string | null;
  /** Units that cease to exist on `effectiveOn` (their codes and parent links end with them). */
  endUnits: Id[];
  /** Units that start on `effectiveOn`. */
  newUnits: NewUnit[];
  /** Units (continuing ones) that get another parent from `effectiveOn`. */
  moveUnits: Array<{ unitId: Id; toParentId: Id }>;
  /** Bodies that are dissolved on `effectiveOn` (their memberships end unless moved). */
  endOrganizations?: Id[];
  /** Bodies founded on `effectiveOn`. */
  newOrganizations?: NewOrganization[];
  /** A body serves another place from `effectiveOn`. */
  moveOrganizationAreas?: Array<{ organizationId: Id; fromUnitId: Id; toUnitId: Id }>;
  /** A body becomes a sub-organisation of another (ward party committees under the city's in 2025). */
  moveOrganizations?: Array<{ organizationId: Id; toParentId: Id }>;
  /** A membership continues in another body: the old one ends, a new one starts, same person and role. */
  moveMemberships?: Array<{ membershipId: Id; toOrganizationId: Id }>;
  /** Party members whose home cell changes (all active members of `fromCellId`). */
  movePartyCells?: Array<{ fromCellId: Id; toCellId: Id }>;
}

/** A place a reorganisation establishes: its id, kind, name, code and parent. */
export interface NewUnit {
  id: Id;
  kind: UnitKind;
  name: string;
  kindLabel?: string;
  code?: string | null;
  parentId?: Id | null;
}

/** A body a reorganisation establishes, with the places it serves. */
export interface NewOrganization {
  id: Id;
  kind: OrganizationKind;
  name: string;
  parentId?: Id | null;
  unitIds: Id[];
}

/** A record the reorganisation ended or created, so a store can write exactly these changes. */
export type ChangedRecord = { [K in keyof DomainState]: { table: K; record: DomainState[K][number] } }[keyof DomainState];

/**
 * What applying a reorganisation gives: the new state, the recorded event, and the records it ended
 * and created.
 */
export interface ReorganisationOutcome {
  state: DomainState;
  event: ReorganisationEvent;
  /** Existing records whose `validTo` was set to `effectiveOn`, as they are after the change. */
  ended: ChangedRecord[];
  /** Records that start on `effectiveOn`. */
  created: ChangedRecord[];
}

/** Options of `applyReorganisation`. */
export interface ReorganiseOptions {
  /** Makes ids for new link records; the default derives them from the plan id. */
  newId?: (table: keyof DomainState) => Id;
}

/**
 * Validates and applies a reorganisation. On any error nothing is produced (the caller's state
 * is never mutated either way): the result lists every violation with the plan path it concerns.
 */
export function applyReorganisation(
  state: DomainState,
  plan: ReorganisationPlan,
  options: ReorganiseOptions = {},
): Result<ReorganisationOutcome> {
  const violations = validatePlan(state, plan);
  if (violations.some((v) => v.severity === 'error')) return fail(violations);

  let counter = 0;
  const newId = options.newId ?? ((table: keyof DomainState) => `${plan.id}:${table}:${++counter}`);
  const on = plan.effectiveOn;
  const next: DomainState = { ...state };
  const ended: ChangedRecord[] = [];
  const created: ChangedRecord[] = [];

  /** Ends, in table `table`, every record active on `on` that `match` selects. */
  function endWhere<K extends keyof DomainState>(table: K, match: (r: DomainState[K][number]) => boolean): DomainState[K][number][] {
    const hits: DomainState[K][number][] = [];
    const rows = next[table] as DomainState[K][number][];
    const updated = rows.map((r) => {
      const rec = r as DomainState[K][number] & { validFrom: IsoDate; validTo: IsoDate | null };
      if (!('validFrom' in rec) || !isActiveOn(rec, on) || !match(r)) return r;
      const changed = { ...rec, validTo: on };
      hits.push(changed);
      ended.push({ table, record: changed } as ChangedRecord);
      return changed;
    });
    (next as Record<K, DomainState[K][number][]>)[table] = updated;
    return hits;
  }

  function add<K extends keyof DomainState>(table: K, record: DomainState[K][number]): void {
    (next as Record<K, DomainState[K][number][]>)[table] = [...(next[table] as DomainState[K][number][]), record];
    created.push({ table, record } as ChangedRecord);
  }

  const endingUnits = new Set(plan.endUnits);
  endWhere('units', (u) => endingUnits.has(u.id));
  endWhere('unitCodes', (c) => endingUnits.has(c.unitId));
  endWhere('unitParents', (l) => endingUnits.has(l.unitId));

  for (const u of plan.newUnits) {
    add('units', {
      id: u.id,
      kind: u.kind,
      name: u.name,
      ...(u.kindLabel ? { kindLabel: u.kindLabel } : {}),
      validFrom: on,
      validTo: null,
    });
    if (u.code) add('unitCodes', { id: newId('unitCodes'), unitId: u.id, code: u.code, validFrom: on, validTo: null });
    if (u.parentId) add('unitParents', { id: newId('unitParents'), unitId: u.id, parentId: u.parentId, validFrom: on, validTo: null });
  }

  for (const m of plan.moveUnits) {
    endWhere('unitParents', (l) => l.unitId === m.unitId);
    add('unitParents', { id: newId('unitParents'), unitId: m.unitId, parentId: m.toParentId, validFrom: on, validTo: null });
  }

  const endingOrgs = new Set(plan.endOrganizations ?? []);
  endWhere('organizations', (o) => endingOrgs.has(o.id));
  endWhere('organizationAreas', (a) => endingOrgs.has(a.organizationId));
  endWhere('organizationParents', (p) => endingOrgs.has(p.organizationId));

  for (const o of plan.newOrganizations ?? []) {
    add('organizations', { id: o.id, kind: o.kind, name: o.name, validFrom: on, validTo: null });
    if (o.parentId)
      add('organizationParents', {
        id: newId('organizationParents'),
        organizationId: o.id,
        parentId: o.parentId,
        validFrom: on,
        validTo: null,
      });
    for (const unitId of o.unitIds)
      add('organizationAreas', { id: newId('organizationAreas'), organizationId: o.id, unitId, validFrom: on, validTo: null });
  }

  for (const m of plan.moveOrganizationAreas ?? []) {
    endWhere('organizationAreas', (a) => a.organizationId === m.organizationId && a.unitId === m.fromUnitId);
    add('organizationAreas', {
      id: newId('organizationAreas'),
      organizationId: m.organizationId,
      unitId: m.toUnitId,
      validFrom: on,
      validTo: null,
    });
  }

  for (const m of plan.moveOrganizations ?? []) {
    endWhere('organizationParents', (p) => p.organizationId === m.organizationId);
    add('organizationParents', {
      id: newId('organizationParents'),
      organizationId: m.organizationId,
      parentId: m.toParentId,
      validFrom: on,
      validTo: null,
    });
  }

  for (const m of plan.moveMemberships ?? []) {
    for (const old of endWhere('memberships', (x) => x.id === m.membershipId)) {
      add('memberships', {
        ...old,
        id: newId('memberships'),
        organizationId: m.toOrganizationId,
        postId: null,
        validFrom: on,
        validTo: null,
      });
    }
  }
  for (const m of plan.movePartyCells ?? []) {
    for (const old of endWhere('partyMemberships', (x) => x.homeCellId === m.fromCellId)) {
      add('partyMemberships', { ...old, id: newId('partyMemberships'), homeCellId: m.toCellId, validFrom: on, validTo: null });
    }
    for (const old of endWhere('residenceContacts', (x) => x.residenceCellId === m.fromCellId)) {
      add('residenceContacts', { ...old, id: newId('residenceContacts'), residenceCellId: m.toCellId, validFrom: on, validTo: null });
    }
  }

  // Whatever still points at a dissolved body ends with it: history kept, nothing dangling.
  endWhere('memberships', (x) => endingOrgs.has(x.organizationId));
  endWhere('posts', (x) => endingOrgs.has(x.organizationId));

  const event = buildEvent(state, plan);
  next.reorganisations = [...next.reorganisations, event];
  created.push({ table: 'reorganisations', record: event });
  return fromViolations({ state: next, event, ended, created }, violations);
}

function buildEvent(state: DomainState, plan: ReorganisationPlan): ReorganisationEvent {
  const day = addDays(plan.effectiveOn, -1);
  const originals = new Set(plan.endUnits);
  const results = new Set(plan.newUnits.map((u) => u.id));
  for (const m of plan.moveUnits) {
    const from = state.unitParents.find((l) => l.unitId === m.unitId && isActiveOn(l, day));
    if (from) originals.add(from.parentId);
    results.add(m.toParentId);
  }
  return {
    id: plan.id,
    kind: plan.kind,
    effectiveOn: plan.effectiveOn,
    legalBasis: plan.legalBasis,
    note: plan.note ?? null,
    originalUnitIds: [...originals],
    resultingUnitIds: [...results],
  };
}

function violation(path: FieldPath, message: LocalizedText): Violation {
  return { code: RULES.REORGANISATION_INVALID.code, severity: 'error', path, message, entity: undefined };
}

/** Every reason the plan cannot be applied, each with the plan path it concerns. */
export function validatePlan(state: DomainState, plan: ReorganisationPlan): Violation[] {
  const out: Violation[] = [];
  if (!isIsoDate(plan.effectiveOn)) {
    out.push({
      code: RULES.DATE_FORMAT.code,
      severity: 'error',
      path: ['effectiveOn'],
      message: {
        vi: `Ngày hiệu lực "${plan.effectiveOn}" không phải ngày hợp lệ (YYYY-MM-DD).`,
        en: `Effective date "${plan.effectiveOn}" is not a valid date (YYYY-MM-DD).`,
      },
    });
    return out;
  }
  const on = plan.effectiveOn;
  const dayBefore = addDays(on, -1);
  if (!plan.legalBasis.trim()) {
    out.push({
      code: RULES.REQUIRED_FIELD.code,
      severity: 'error',
      path: ['legalBasis'],
      message: {
        vi: 'Căn cứ pháp lý (số nghị quyết, quyết định) không được để trống.',
        en: 'The legal basis (resolution or decision number) must not be empty.',
      },
    });
  }
  if (state.reorganisations.some((e) => e.id === plan.id)) {
    out.push(
      violation(['id'], { vi: `Sự kiện sắp xếp "${plan.id}" đã được ghi nhận.`, en: `Reorganisation "${plan.id}" is already recorded.` }),
    );
  }

  const unitsById = new Map(state.units.map((u) => [u.id, u]));
  const newById = new Map(plan.newUnits.map((u) => [u.id, u]));
  const ending = new Set(plan.endUnits);
  const label = (id: Id) => unitsById.get(id)?.name ?? newById.get(id)?.name ?? id;

  plan.endUnits.forEach((id, i) => {
    const u = unitsById.get(id);
    if (!u || !isActiveOn(u, dayBefore) || !isActiveOn(u, on)) {
      out.push(
        violation(['endUnits', i], {
          vi: `Đơn vị "${u?.name ?? id}" không tồn tại vào ngày ${dayBefore} và ${on}, nên không thể kết thúc vào ngày ${on}.`,
          en: `Unit "${u?.name ?? id}" does not exist on both ${dayBefore} and ${on}, so it cannot end on ${on}.`,
        }),
      );
    }
  });

  const seenNew = new Set<Id>();
  plan.newUnits.forEach((u, i) => {
    if (unitsById.has(u.id) || seenNew.has(u.id)) {
      out.push(
        violation(['newUnits', i, 'id'], { vi: `Mã bản ghi "${u.id}" đã được dùng.`, en: `Record id "${u.id}" is already in use.` }),
      );
    }
    seenNew.add(u.id);
    if (!u.name.trim()) {
      out.push({
        code: RULES.REQUIRED_FIELD.code,
        severity: 'error',
        path: ['newUnits', i, 'name'],
        message: { vi: 'Tên đơn vị mới không được để trống.', en: 'The new unit name must not be empty.' },
      });
    }
    if (u.parentId) out.push(...checkParent(u.kind, u.name, u.parentId, ['newUnits', i, 'parentId']));
    if (u.code) out.push(...checkNewCode(u, i));
  });

  const moved = new Set<Id>();
  plan.moveUnits.forEach((m, i) => {
    const u = unitsById.get(m.unitId);
    if (!u || !isActiveOn(u, on) || ending.has(m.unitId)) {
      out.push(
        violation(['moveUnits', i, 'unitId'], {
          vi: `Đơn vị "${u?.name ?? m.unitId}" không còn tồn tại từ ngày ${on}, nên không thể chuyển.`,
          en: `Unit "${u?.name ?? m.unitId}" does not continue past ${on}, so it cannot be moved.`,
        }),
      );
      return;
    }
    if (moved.has(m.unitId)) {
      out.push(
        violation(['moveUnits', i, 'unitId'], { vi: `Đơn vị "${u.name}" được chuyển hai lần.`, en: `Unit "${u.name}" is moved twice.` }),
      );
    }
    moved.add(m.unitId);
    out.push(...checkParent(u.kind, u.name, m.toParentId, ['moveUnits', i, 'toParentId']));
  });

  // Children of an ending unit must go somewhere (or end with it): no unit is left under a parent that is gone.
  for (const link of state.unitParents) {
    if (!ending.has(link.parentId) || !isActiveOn(link, on)) continue;
    const child = unitsById.get(link.unitId);
    if (!child || !isActiveOn(child, on) || ending.has(child.id) || moved.has(child.id)) continue;
    out.push(
      violation(['moveUnits'], {
        vi: `Đơn vị "${child.name}" thuộc "${label(link.parentId)}" (kết thúc ngày ${on}) nhưng chưa được chuyển sang đơn vị nào.`,
        en: `Unit "${child.name}" belongs to "${label(link.parentId)}" (ending on ${on}) but is not moved anywhere.`,
      }),
    );
  }

  checkKindShape(plan, out);
  checkBodies(state, plan, out, unitsById, newById, ending);
  // Buildings cannot move with a reorganisation (their group link is not dated): a group that still has some cannot end.
  out.push(...buildingsLeftBehind(state, plan));
  return out;

  function checkParent(kind: UnitKind, name: string, parentId: Id, path: FieldPath): Violation[] {
    const existing = unitsById.get(parentId);
    const parent: Pick<AdministrativeUnit, 'kind' | 'name'> | undefined =
      existing && isActiveOn(existing, on) && !ending.has(parentId) ? existing : newById.get(parentId);
    if (!parent) {
      return [
        {
          code: RULES.UNIT_NOT_FOUND.code,
          severity: 'error',
          path,
          message: {
            vi: `Đơn vị cấp trên "${label(parentId)}" của "${name}" không tồn tại từ ngày ${on}.`,
            en: `Parent unit "${label(parentId)}" of "${name}" does not exist from ${on}.`,
          },
        },
      ];
    }
    if (!isAllowedParentKind(kind, parent.kind)) {
      return [
        {
          code: RULES.UNIT_PARENT_KIND.code,
          severity: 'error',
          path,
          message: {
            vi: `"${name}" (${kind}) không thể trực thuộc "${parent.name}" (${parent.kind}).`,
            en: `"${name}" (${kind}) cannot sit under "${parent.name}" (${parent.kind}).`,
          },
        },
      ];
    }
    return [];
  }

  function checkNewCode(u: NewUnit, i: number): Violation[] {
    const code = u.code ?? '';
    const expected = u.kind === 'PROVINCE' ? 2 : u.kind === 'DISTRICT' ? 3 : u.kind === 'RESIDENTIAL_GROUP' ? 0 : 5;
    if (!new RegExp(`^\\d{${expected}}$`).test(code) || expected === 0) {
      return [
        {
          code: RULES.ADMIN_CODE_FORMAT.code,
          severity: 'error',
          path: ['newUnits', i, 'code'],
          message:
            expected === 0
              ? {
                  vi: `Tổ dân phố "${u.name}" không có mã đơn vị hành chính.`,
                  en: `Residential group "${u.name}" has no administrative code.`,
                }
              : {
                  vi: `Mã "${code}" của "${u.name}" phải gồm ${expected} chữ số.`,
                  en: `Code "${code}" of "${u.name}" must have ${expected} digits.`,
                },
        },
      ];
    }
    const clash = state.unitCodes.find(
      (c) => c.code === code && !ending.has(c.unitId) && periodsOverlap(c, { validFrom: on, validTo: null }),
    );
    const clashNew = plan.newUnits.find((o, j) => j < i && o.code === code);
    if (clash || clashNew) {
      const holder = clash ? label(clash.unitId) : (clashNew?.name ?? '');
      return [
        {
          code: RULES.ADMIN_CODE_UNIQUE.code,
          severity: 'error',
          path: ['newUnits', i, 'code'],
          message: {
            vi: `Mã "${code}" đang được dùng cho "${holder}" từ ngày ${on}; không thể cấp cho "${u.name}".`,
            en: `Code "${code}" is held by "${holder}" from ${on}; it cannot be given to "${u.name}".`,
          },
        },
      ];
    }
    return [];
  }
}

function checkKindShape(plan: ReorganisationPlan, out: Violation[]): void {
  const ends = plan.endUnits.length;
  const starts = plan.newUnits.length;
  const moves = plan.moveUnits.length;
  const rules: Record<ReorganisationKind, [boolean, LocalizedText]> = {
    MERGE: [
      ends >= 2 && starts === 1,
      { vi: 'Sáp nhập: từ 2 đơn vị trở lên thành 1 đơn vị mới.', en: 'A merge ends two or more units and starts one.' },
    ],
    SPLIT: [
      ends === 1 && starts >= 2,
      { vi: 'Chia tách: 1 đơn vị thành từ 2 đơn vị mới trở lên.', en: 'A split ends one unit and starts two or more.' },
    ],
    RENAME: [
      ends === 1 && starts === 1,
      { vi: 'Đổi tên: kết thúc 1 đơn vị và lập 1 đơn vị kế tục.', en: 'A rename ends one unit and starts its successor.' },
    ],
    TRANSFER_PART: [
      ends === 0 && starts === 0 && moves >= 1,
      {
        vi: 'Điều chỉnh một phần: chỉ chuyển đơn vị trực thuộc, không kết thúc hay lập đơn vị.',
        en: 'A transfer of part only moves child units.',
      },
    ],
    DISSOLVE: [
      ends >= 1 && starts === 0,
      { vi: 'Giải thể: kết thúc ít nhất 1 đơn vị, không lập đơn vị mới.', en: 'A dissolution ends at least one unit and starts none.' },
    ],
    ESTABLISH: [
      ends === 0 && starts >= 1,
      { vi: 'Thành lập: lập ít nhất 1 đơn vị, không kết thúc đơn vị nào.', en: 'An establishment starts at least one unit and ends none.' },
    ],
    RESTRUCTURE: [
      ends + starts + moves >= 1,
      { vi: 'Sắp xếp lại phải có ít nhất một thay đổi.', en: 'A restructuring changes at least one unit.' },
    ],
  };
  const [okShape, msg] = rules[plan.kind];
  if (!okShape) out.push(violation(['kind'], msg));
}

function checkBodies(
  state: DomainState,
  plan: ReorganisationPlan,
  out: Violation[],
  unitsById: Map<Id, AdministrativeUnit>,
  newById: Map<Id, NewUnit>,
  ending: Set<Id>,
): void {
  const on = plan.effectiveOn;
  const orgs = new Map(state.organizations.map((o) => [o.id, o]));
  const newOrgs = new Map((plan.newOrganizations ?? []).map((o) => [o.id, o]));
  const endingOrgs = new Set(plan.endOrganizations ?? []);
  const liveOrg = (id: Id) => {
    const o = orgs.get(id);
    return (o && isActiveOn(o, on) && !endingOrgs.has(id)) || newOrgs.has(id);
  };
  const liveUnit = (id: Id) => {
    const u = unitsById.get(id);
    return (u && isActiveOn(u, on) && !ending.has(id)) || newById.has(id);
  };
  const orgName = (id: Id) => orgs.get(id)?.name ?? newOrgs.get(id)?.name ?? id;
  const notFound = (path: FieldPath, what: string, en: string): Violation => ({
    code: RULES.ENTITY_NOT_FOUND.code,
    severity: 'error',
    path,
    message: { vi: `${what} không tồn tại từ ngày ${on}.`, en: `${en} does not exist from ${on}.` },
  });

  (plan.endOrganizations ?? []).forEach((id, i) => {
    const o = orgs.get(id);
    if (!o || !isActiveOn(o, on)) out.push(notFound(['endOrganizations', i], `Tổ chức "${o?.name ?? id}"`, `Body "${o?.name ?? id}"`));
  });
  (plan.newOrganizations ?? []).forEach((o, i) => {
    if (orgs.has(o.id))
      out.push(
        violation(['newOrganizations', i, 'id'], {
          vi: `Mã bản ghi "${o.id}" đã được dùng.`,
          en: `Record id "${o.id}" is already in use.`,
        }),
      );
    if (o.parentId && !liveOrg(o.parentId))
      out.push(
        notFound(['newOrganizations', i, 'parentId'], `Tổ chức cấp trên "${orgName(o.parentId)}"`, `Parent body "${orgName(o.parentId)}"`),
      );
    o.unitIds.forEach((u, j) => {
      if (!liveUnit(u)) out.push(notFound(['newOrganizations', i, 'unitIds', j], `Địa bàn "${u}"`, `Place "${u}"`));
    });
  });
  const movedAreas = new Set<string>();
  (plan.moveOrganizationAreas ?? []).forEach((m, i) => {
    if (!liveOrg(m.organizationId))
      out.push(
        notFound(
          ['moveOrganizationAreas', i, 'organizationId'],
          `Tổ chức "${orgName(m.organizationId)}"`,
          `Body "${orgName(m.organizationId)}"`,
        ),
      );
    if (!liveUnit(m.toUnitId))
      out.push(notFound(['moveOrganizationAreas', i, 'toUnitId'], `Địa bàn "${m.toUnitId}"`, `Place "${m.toUnitId}"`));
    movedAreas.add(`${m.organizationId}\u0000${m.fromUnitId}`);
  });
  (plan.moveOrganizations ?? []).forEach((m, i) => {
    if (!liveOrg(m.organizationId))
      out.push(
        notFound(
          ['moveOrganizations', i, 'organizationId'],
          `Tổ chức "${orgName(m.organizationId)}"`,
          `Body "${orgName(m.organizationId)}"`,
        ),
      );
    if (!liveOrg(m.toParentId))
      out.push(
        notFound(
          ['moveOrganizations', i, 'toParentId'],
          `Tổ chức cấp trên "${orgName(m.toParentId)}"`,
          `Parent body "${orgName(m.toParentId)}"`,
        ),
      );
  });
  (plan.moveMemberships ?? []).forEach((m, i) => {
    const mem = state.memberships.find((x) => x.id === m.membershipId);
    if (!mem || !isActiveOn(mem, on))
      out.push(
        notFound(['moveMemberships', i, 'membershipId'], `Chức vụ (membership) "${m.membershipId}"`, `Membership "${m.membershipId}"`),
      );
    if (!liveOrg(m.toOrganizationId))
      out.push(
        notFound(
          ['moveMemberships', i, 'toOrganizationId'],
          `Tổ chức "${orgName(m.toOrganizationId)}"`,
          `Body "${orgName(m.toOrganizationId)}"`,
        ),
      );
  });
  (plan.movePartyCells ?? []).forEach((m, i) => {
    if (!liveOrg(m.toCellId))
      out.push(notFound(['movePartyCells', i, 'toCellId'], `Chi bộ "${orgName(m.toCellId)}"`, `Party cell "${orgName(m.toCellId)}"`));
  });

  // A continuing body may not keep serving a place that ends: its area must move, or the body end.
  for (const a of state.organizationAreas) {
    if (!ending.has(a.unitId) || !isActiveOn(a, on) || endingOrgs.has(a.organizationId)) continue;
    const o = orgs.get(a.organizationId);
    if (!o || !isActiveOn(o, on) || movedAreas.has(`${a.organizationId}\u0000${a.unitId}`)) continue;
    out.push(
      violation(['moveOrganizationAreas'], {
        vi: `Tổ chức "${o.name}" đang phụ trách địa bàn "${unitsById.get(a.unitId)?.name ?? a.unitId}" (kết thúc ngày ${on}) nhưng chưa được chuyển địa bàn hoặc giải thể.`,
        en: `Body "${o.name}" serves "${unitsById.get(a.unitId)?.name ?? a.unitId}" (ending on ${on}) but is neither moved nor dissolved.`,
      }),
    );
  }

  // A continuing body may not stay under a dissolved one: it moves to another parent, or ends too.
  const movedOrgs = new Set((plan.moveOrganizations ?? []).map((m) => m.organizationId));
  for (const link of state.organizationParents) {
    if (
      !endingOrgs.has(link.parentId) ||
      !isActiveOn(link, on) ||
      endingOrgs.has(link.organizationId) ||
      movedOrgs.has(link.organizationId)
    )
      continue;
    const child = orgs.get(link.organizationId);
    if (!child || !isActiveOn(child, on)) continue;
    out.push(
      violation(['moveOrganizations'], {
        vi: `Tổ chức "${child.name}" trực thuộc "${orgName(link.parentId)}" (giải thể ngày ${on}) nhưng chưa được chuyển sang tổ chức cấp trên khác.`,
        en: `Body "${child.name}" belongs to "${orgName(link.parentId)}" (dissolved on ${on}) but is not moved to another parent.`,
      }),
    );
  }

  // Party members whose home cell (or residence cell) is dissolved must be transferred: a party
  // membership is never left pointing at a cell that no longer exists.
  const movedCells = new Set((plan.movePartyCells ?? []).map((m) => m.fromCellId));
  const stranded = new Map<Id, number>();
  for (const pm of state.partyMemberships) {
    if (endingOrgs.has(pm.homeCellId) && isActiveOn(pm, on) && !movedCells.has(pm.homeCellId))
      stranded.set(pm.homeCellId, (stranded.get(pm.homeCellId) ?? 0) + 1);
  }
  for (const rc of state.residenceContacts) {
    if (endingOrgs.has(rc.residenceCellId) && isActiveOn(rc, on) && !movedCells.has(rc.residenceCellId))
      stranded.set(rc.residenceCellId, (stranded.get(rc.residenceCellId) ?? 0) + 1);
  }
  for (const [cellId, count] of stranded) {
    out.push(
      violation(['movePartyCells'], {
        vi: `Chi bộ "${orgName(cellId)}" giải thể ngày ${on} nhưng ${count} đảng viên (sinh hoạt hoặc giữ mối liên hệ) chưa được chuyển sang chi bộ khác.`,
        en: `Party cell "${orgName(cellId)}" is dissolved on ${on} but ${count} party member(s) (home or residence contact) are not transferred to another cell.`,
      }),
    );
  }
}
