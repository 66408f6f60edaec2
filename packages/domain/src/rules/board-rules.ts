import type { BoardTerm } from '../model/boards.js';
import type { Organization } from '../model/bodies.js';
import type { ApartmentBuilding, ApartmentComplex } from '../model/buildings.js';
import type { Membership, Role } from '../model/people.js';
import type { Id, UnitKind } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import { addDays, addMonths, addWorkingDays, addYears, type IsoDate } from '../time/dates.js';
import { isActiveOn, periodsOverlap } from '../time/period.js';
import type { EntityRef, FieldPath, Violation } from '../validation/result.js';
import type { RuleCode } from './catalog.js';
import { DEFAULT_RULE_DATA, numericRuleParameter, ruleParameter } from './rule-data.js';
import {
  dateFormatViolations,
  enCount,
  entityRef,
  notFound,
  periodOrderViolation,
  type RuleData,
  ruleViolation,
  viDate,
} from './violation.js';

/** Every code the board checks can report (the tests prove each one fails somewhere). */
export const BOARD_RULE_CODES = [
  'BOARD_MIN_MEMBERS',
  'BOARD_MIN_MEMBERS_PER_BLOCK',
  'COMPLEX_BOARD_MIN_MEMBERS',
  'BOARD_ONE_HEAD',
  'BOARD_ONE_PER_BUILDING',
  'BOARD_DEPUTIES',
  'BOARD_MEMBER_OWNER',
  'MEMBERSHIP_OVERLAP',
  'BOARD_TERM_LENGTH',
  'BOARD_RECOGNITION_FILING',
  'BOARD_RECOGNITION_DECISION',
  'BOARD_RECOGNITION_LEVEL',
  'FIRST_CONFERENCE_DUE',
  'ENTITY_NOT_FOUND',
  'INVALID_VALUE',
  'REQUIRED_FIELD',
  'PERIOD_ORDER',
  'DATE_FORMAT',
] as const satisfies readonly RuleCode[];

/**
 * BOARD_ONE_PER_BUILDING: a board (new, or one changed: its stored self, same id, is ignored) may not
 * manage a building or complex that another board manages in an overlapping period. The database
 * holds the same rule as an exclusion constraint, for writes that race.
 */
export function checkOneBoardPerTarget(
  state: Pick<DomainState, 'organizations' | 'buildings' | 'complexes'>,
  board: Pick<Organization, 'id' | 'name' | 'kind' | 'buildingId' | 'complexId' | 'validFrom' | 'validTo'>,
  path: FieldPath = [],
): Violation[] {
  if (board.kind !== 'MANAGEMENT_BOARD') return [];
  const field = board.buildingId ? 'buildingId' : 'complexId';
  const targetId = board.buildingId ?? board.complexId ?? null;
  if (targetId === null) return [];
  const other = state.organizations.find(
    (o) =>
      o.id !== board.id && o.kind === 'MANAGEMENT_BOARD' && (o.buildingId ?? o.complexId ?? null) === targetId && periodsOverlap(o, board),
  );
  if (!other) return [];
  const target = (board.buildingId ? state.buildings : state.complexes).find((t) => t.id === targetId)?.name ?? targetId;
  return [
    ruleViolation(
      'BOARD_ONE_PER_BUILDING',
      [...path, field],
      entityRef('Organization', board.id),
      `"${target}" đã có Ban quản trị "${other.name}" từ ${viDate(other.validFrom)}; hãy rà soát, kiện toàn Ban quản trị đó thay vì thành lập mới.`,
      `"${target}" already has board "${other.name}" since ${other.validFrom}; consolidate that board instead of establishing a new one.`,
    ),
  ];
}

/** Roles a management board has: trưởng ban, phó ban, ủy viên. */
export const BOARD_ROLES: readonly Role[] = ['HEAD', 'DEPUTY_HEAD', 'MEMBER'];

/** What the composition checks read. */
export type BoardMembersState = Pick<DomainState, 'buildings' | 'complexes' | 'apartments' | 'ownerships' | 'people'>;

/**
 * One member of a proposed board: who, in which role, and (on a complex's board) the building they
 * represent.
 */
export interface BoardProposalMember {
  personId: Id;
  role: Role;
  /** On a complex's board, the building the member represents. */
  buildingId?: Id | null;
}

/** A board's members as they WILL be after an establish / consolidate workflow. */
export interface BoardProposal {
  board: { id?: Id | null; name: string; buildingId?: Id | null; complexId?: Id | null };
  members: readonly BoardProposalMember[];
}

// ─── Helpers others reuse (findings: BUILDING_WITHOUT_BOARD, BOARD_TERM_EXPIRED) ───

/** A building with several owners and at least 'board.requiredFromApartments' apartments must have a board. */
export function buildingNeedsBoard(
  building: Pick<ApartmentBuilding, 'multipleOwners' | 'apartmentCount'>,
  on: IsoDate,
  ruleData: RuleData = DEFAULT_RULE_DATA,
): boolean {
  return building.multipleOwners && building.apartmentCount >= numericRuleParameter('board.requiredFromApartments', on, ruleData);
}

/** The board's memberships in force on `on`, in state order. */
export function activeBoardMemberships(state: Pick<DomainState, 'memberships'>, boardId: Id, on: IsoDate): Membership[] {
  return state.memberships.filter((m) => m.organizationId === boardId && isActiveOn(m, on));
}

/** The term in force on `on` (the latest-starting one if the data holds overlapping terms). */
export function currentBoardTerm(state: Pick<DomainState, 'boardTerms'>, boardId: Id, on: IsoDate): BoardTerm | undefined {
  return latestOf(state.boardTerms.filter((t) => t.boardId === boardId && isActiveOn(t, on)));
}

/** The latest term that started on or before `on`, ended or not: a board past its term has one that ended. */
export function latestBoardTerm(state: Pick<DomainState, 'boardTerms'>, boardId: Id, on: IsoDate): BoardTerm | undefined {
  return latestOf(state.boardTerms.filter((t) => t.boardId === boardId && t.validFrom <= on));
}

function latestOf(terms: readonly BoardTerm[]): BoardTerm | undefined {
  return terms.reduce<BoardTerm | undefined>((best, t) => (best === undefined || t.validFrom > best.validFrom ? t : best), undefined);
}

// ─── Composition ───

type BoardPlace =
  | { kind: 'building'; building: ApartmentBuilding; buildings: ApartmentBuilding[] }
  | { kind: 'complex'; complex: ApartmentComplex; buildings: ApartmentBuilding[] };

/** What the size, head and deputy rules read of a place (a `BoardPlace` is one). */
type CompositionBuilding = Pick<ApartmentBuilding, 'id' | 'name' | 'blockCount'>;
type CompositionPlace =
  | { kind: 'building'; building: CompositionBuilding; buildings: Array<Pick<ApartmentBuilding, 'id' | 'name'>> }
  | { kind: 'complex'; buildings: Array<Pick<ApartmentBuilding, 'id' | 'name'>> };

/**
 * Checks a board's composition: size, one head, deputies, members' ownership and duplicates.
 * Counts are of distinct people, so a person listed twice is reported once, as MEMBERSHIP_OVERLAP.
 */
export function checkBoardMembers(
  state: BoardMembersState,
  proposal: BoardProposal,
  on: IsoDate,
  ruleData: RuleData = DEFAULT_RULE_DATA,
): Violation[] {
  const { board, members } = proposal;
  const entity = boardEntity(board);
  const placed = resolvePlace(state, board, entity, on);
  if (!placed.place) return placed.violations;
  const place = placed.place;
  const out = [...memberRowViolations(state, proposal, place, on)];

  out.push(...compositionViolations(board.name, members, place, entity, on, ruleData));
  return out;
}

/** Where a board sits, as far as its composition rules need to know (what a browser form has at hand). */
export type BoardCompositionPlace =
  | { kind: 'building'; name: string; blockCount: number }
  | { kind: 'complex'; name: string; buildings: ReadonlyArray<{ id: Id; name: string }> };

/** A proposed board, described with the data an establish / consolidate form has. */
export interface BoardComposition {
  boardName: string;
  place: BoardCompositionPlace;
  members: readonly BoardProposalMember[];
}

/**
 * The size, head and deputy rules of `checkBoardMembers`, without the state it reads: the same
 * codes, paths (['members']) and messages, so a form can tell the user, as they type, what the
 * server will refuse. Members' ownership and identity are left to the server, which knows them.
 * For a complex, `buildings` are its buildings in force on `on`.
 */
export function checkBoardComposition(composition: BoardComposition, on: IsoDate, ruleData: RuleData = DEFAULT_RULE_DATA): Violation[] {
  const { place } = composition;
  let compositionPlace: CompositionPlace;
  if (place.kind === 'building') {
    const building = { id: '', name: place.name, blockCount: place.blockCount };
    compositionPlace = { kind: 'building', building, buildings: [building] };
  } else {
    compositionPlace = { kind: 'complex', buildings: [...place.buildings] };
  }
  return compositionViolations(composition.boardName, composition.members, compositionPlace, undefined, on, ruleData);
}

/** The same checks over the board's memberships in force on `on`; `['members', i]` indexes `activeBoardMemberships`. */
export function checkBoard(
  state: BoardMembersState & Pick<DomainState, 'organizations' | 'memberships'>,
  boardId: Id,
  on: IsoDate,
  ruleData: RuleData = DEFAULT_RULE_DATA,
): Violation[] {
  const board = state.organizations.find((o) => o.id === boardId && o.kind === 'MANAGEMENT_BOARD');
  if (!board) return [notFound(['boardId'], entityRef('Organization', boardId), 'ban quản trị', 'management board')];
  // A board not alive on `on` has no composition to check.
  if (!isActiveOn(board, on)) return [];
  const memberships = activeBoardMemberships(state, boardId, on);
  const proposal: BoardProposal = {
    board: { id: board.id, name: board.name, buildingId: board.buildingId ?? null, complexId: board.complexId ?? null },
    members: memberships.map((m) => ({ personId: m.personId, role: m.role, buildingId: m.buildingId ?? null })),
  };
  // A member-level violation points at the stored membership, which is what an operator edits.
  return checkBoardMembers(state, proposal, on, ruleData).map((v) => {
    const index = v.path[0] === 'members' ? v.path[1] : undefined;
    const membership = typeof index === 'number' ? memberships[index] : undefined;
    return membership ? { ...v, entity: entityRef('Membership', membership.id) } : v;
  });
}

function boardEntity(board: BoardProposal['board']): EntityRef | undefined {
  if (board.id) return entityRef('Organization', board.id);
  // A board not yet stored is identified by the place it will manage.
  if (board.buildingId) return entityRef('ApartmentBuilding', board.buildingId);
  if (board.complexId) return entityRef('ApartmentComplex', board.complexId);
  return undefined;
}

function resolvePlace(
  state: BoardMembersState,
  board: BoardProposal['board'],
  entity: EntityRef | undefined,
  on: IsoDate,
): { place?: BoardPlace; violations: Violation[] } {
  if (board.buildingId && board.complexId) {
    const msg = [
      `Ban quản trị "${board.name}" chỉ quản lý một tòa nhà hoặc một cụm, không phải cả hai.`,
      `Management board "${board.name}" manages either a building or a complex, not both.`,
    ] as const;
    return { violations: [ruleViolation('INVALID_VALUE', ['board', 'complexId'], entity, ...msg)] };
  }
  if (board.buildingId) {
    const building = state.buildings.find((b) => b.id === board.buildingId);
    const missing = notFound(
      ['board', 'buildingId'],
      entityRef('ApartmentBuilding', board.buildingId),
      'nhà chung cư',
      'apartment building',
    );
    if (!building) return { violations: [missing] };
    return { place: { kind: 'building', building, buildings: [building] }, violations: [] };
  }
  if (board.complexId) {
    const complex = state.complexes.find((c) => c.id === board.complexId);
    const missing = notFound(
      ['board', 'complexId'],
      entityRef('ApartmentComplex', board.complexId),
      'cụm nhà chung cư',
      'apartment complex',
    );
    if (!complex) return { violations: [missing] };
    const buildings = state.buildings.filter((b) => b.complexId === complex.id && isActiveOn(b, on));
    return { place: { kind: 'complex', complex, buildings }, violations: [] };
  }
  const msg = [
    `Ban quản trị "${board.name}" chưa ghi tòa nhà hoặc cụm nhà chung cư quản lý.`,
    `Management board "${board.name}" does not say which building or complex it manages.`,
  ] as const;
  return { violations: [ruleViolation('REQUIRED_FIELD', ['board', 'buildingId'], entity, ...msg)] };
}

/** Per-row checks: known person, allowed role, building of the place, listed once, owner. */
function memberRowViolations(state: BoardMembersState, proposal: BoardProposal, place: BoardPlace, on: IsoDate): Violation[] {
  const out: Violation[] = [];
  const name = proposal.board.name;
  const placeIds = new Set(place.buildings.map((b) => b.id));
  const seen = new Set<Id>();
  proposal.members.forEach((m, i) => {
    const person = state.people.find((p) => p.id === m.personId);
    const who = entityRef('Person', m.personId);
    if (!person) out.push(notFound(['members', i, 'personId'], who, 'người', 'person'));
    const label = person?.fullName ?? m.personId;
    if (seen.has(m.personId)) {
      out.push(
        ruleViolation(
          'MEMBERSHIP_OVERLAP',
          ['members', i, 'personId'],
          who,
          `${label} có tên hai lần trong Ban quản trị "${name}".`,
          `${label} is listed twice on management board "${name}".`,
        ),
      );
    }
    seen.add(m.personId);
    if (!BOARD_ROLES.includes(m.role)) {
      out.push(
        ruleViolation(
          'INVALID_VALUE',
          ['members', i, 'role'],
          who,
          `Chức vụ ${m.role} của ${label} không có trong Ban quản trị "${name}" (chỉ có trưởng ban, phó ban, ủy viên).`,
          `Role ${m.role} of ${label} does not exist on management board "${name}" (only head, deputy head, member).`,
        ),
      );
    }
    if (m.buildingId && !placeIds.has(m.buildingId)) {
      out.push(
        ruleViolation(
          'INVALID_VALUE',
          ['members', i, 'buildingId'],
          who,
          `Tòa nhà "${m.buildingId}" ghi cho ${label} không thuộc nơi Ban quản trị "${name}" quản lý.`,
          `Building "${m.buildingId}" given for ${label} is not managed by management board "${name}".`,
        ),
      );
    } else if (place.kind === 'complex' && m.role === 'DEPUTY_HEAD' && !m.buildingId) {
      out.push(
        ruleViolation(
          'BOARD_DEPUTIES',
          ['members', i, 'buildingId'],
          who,
          `Phó ban ${label} của Ban quản trị cụm "${name}" phải ghi tòa nhà mình đại diện.`,
          `Deputy head ${label} of complex board "${name}" must name the building they represent.`,
        ),
      );
    }
    if (person && !ownsInPlace(state, m.personId, place.buildings, on)) {
      out.push(
        ruleViolation(
          'BOARD_MEMBER_OWNER',
          ['members', i, 'personId'],
          who,
          `${label} không sở hữu hay sử dụng căn hộ nào ${placeVi(place)} nên không thể là thành viên Ban quản trị "${name}".`,
          `${label} owns or uses no apartment ${placeEn(place)}, so cannot sit on management board "${name}".`,
        ),
      );
    }
  });
  return out;
}

/**
 * True when the person owns or is the authorised user, on `on`, of an apartment in one of the
 * buildings. Registers often know only a building's apartment count, not its apartments: when any
 * of the buildings has no apartments recorded we cannot tell, so the check passes rather than
 * blocking a lawful board on missing data.
 */
function ownsInPlace(state: BoardMembersState, personId: Id, buildings: readonly ApartmentBuilding[], on: IsoDate): boolean {
  const ids = new Set(buildings.map((b) => b.id));
  const apartments = state.apartments.filter((a) => ids.has(a.buildingId));
  const recorded = new Set(apartments.map((a) => a.buildingId));
  if (buildings.length === 0 || buildings.some((b) => !recorded.has(b.id))) return true;
  const apartmentIds = new Set(apartments.map((a) => a.id));
  return state.ownerships.some((o) => o.personId === personId && apartmentIds.has(o.apartmentId) && isActiveOn(o, on));
}

function placeVi(place: BoardPlace): string {
  return place.kind === 'building' ? `trong tòa "${place.building.name}"` : `trong cụm "${place.complex.name}"`;
}

function placeEn(place: BoardPlace): string {
  return place.kind === 'building' ? `in building "${place.building.name}"` : `in complex "${place.complex.name}"`;
}

/** Size, then exactly one head, then deputies: the order `checkBoardMembers` has always reported them in. */
function compositionViolations(
  name: string,
  members: readonly BoardProposalMember[],
  place: CompositionPlace,
  entity: EntityRef | undefined,
  on: IsoDate,
  ruleData: RuleData,
): Violation[] {
  const people = new Set(members.map((m) => m.personId)).size;
  const out = sizeViolations(name, people, place, entity, on, ruleData);
  const required = numericRuleParameter('board.heads', on, ruleData);
  const heads = distinctWithRole(members, 'HEAD').size;
  if (heads !== required) {
    out.push(
      ruleViolation(
        'BOARD_ONE_HEAD',
        ['members'],
        entity,
        `Ban quản trị "${name}" có ${heads} trưởng ban; cần đúng ${required}.`,
        `Management board "${name}" has ${enCount(heads, 'head')}; it needs exactly ${required}.`,
      ),
    );
  }
  out.push(...deputyViolations(name, members, place, entity, on, ruleData));
  return out;
}

function sizeViolations(
  name: string,
  people: number,
  place: CompositionPlace,
  entity: EntityRef | undefined,
  on: IsoDate,
  ruleData: RuleData,
): Violation[] {
  if (place.kind === 'complex') {
    const min = numericRuleParameter('board.minMembers.complex', on, ruleData);
    if (people >= min) return [];
    return [
      ruleViolation(
        'COMPLEX_BOARD_MIN_MEMBERS',
        ['members'],
        entity,
        `Ban quản trị "${name}" có ${people} thành viên; cụm nhà chung cư cần ít nhất ${min}.`,
        `Management board "${name}" has ${enCount(people, 'member')}; an apartment complex needs at least ${min}.`,
      ),
    ];
  }
  const blocks = place.building.blockCount;
  if (blocks > 1) {
    const perBlock = numericRuleParameter('board.minMembers.perBlock', on, ruleData);
    const min = blocks * perBlock;
    if (people >= min) return [];
    return [
      ruleViolation(
        'BOARD_MIN_MEMBERS_PER_BLOCK',
        ['members'],
        entity,
        `Ban quản trị "${name}" có ${people} thành viên; tòa "${place.building.name}" có ${blocks} khối nên cần ít nhất ${min} (${perBlock} mỗi khối).`,
        `Management board "${name}" has ${enCount(people, 'member')}; building "${place.building.name}" has ${blocks} blocks, so it needs at least ${min} (${perBlock} per block).`,
      ),
    ];
  }
  const min = numericRuleParameter('board.minMembers.singleBlock', on, ruleData);
  if (people >= min) return [];
  return [
    ruleViolation(
      'BOARD_MIN_MEMBERS',
      ['members'],
      entity,
      `Ban quản trị "${name}" có ${people} thành viên; tòa nhà một khối cần ít nhất ${min}.`,
      `Management board "${name}" has ${enCount(people, 'member')}; a single-block building needs at least ${min}.`,
    ),
  ];
}

/** A building's board has min–max deputies; a complex's board has min–max per building of the complex. */
function deputyViolations(
  name: string,
  members: readonly BoardProposalMember[],
  place: CompositionPlace,
  entity: EntityRef | undefined,
  on: IsoDate,
  ruleData: RuleData,
): Violation[] {
  const min = numericRuleParameter('board.minDeputies', on, ruleData);
  const max = numericRuleParameter('board.maxDeputies', on, ruleData);
  if (place.kind === 'building') {
    const n = distinctWithRole(members, 'DEPUTY_HEAD').size;
    if (n >= min && n <= max) return [];
    return [
      ruleViolation(
        'BOARD_DEPUTIES',
        ['members'],
        entity,
        `Ban quản trị "${name}" có ${n} phó ban; cần từ ${min} đến ${max}.`,
        `Management board "${name}" has ${enCount(n, 'deputy head')}; it needs ${min} to ${max}.`,
      ),
    ];
  }
  const out: Violation[] = [];
  for (const building of place.buildings) {
    const n = distinctWithRole(
      members.filter((m) => m.buildingId === building.id),
      'DEPUTY_HEAD',
    ).size;
    if (n >= min && n <= max) continue;
    out.push(
      ruleViolation(
        'BOARD_DEPUTIES',
        ['members'],
        entity,
        `Ban quản trị "${name}" có ${n} phó ban cho tòa "${building.name}"; mỗi tòa của cụm cần từ ${min} đến ${max}.`,
        `Management board "${name}" has ${enCount(n, 'deputy head')} for building "${building.name}"; each building of the complex needs ${min} to ${max}.`,
      ),
    );
  }
  return out;
}

function distinctWithRole(members: readonly BoardProposalMember[], role: Role): Set<Id> {
  return new Set(members.filter((m) => m.role === role).map((m) => m.personId));
}

// ─── Terms and recognition ───

/** Unit kinds whose People's Committee recognises boards at each level of 'board.recognitionLevel'. */
const RECOGNITION_LEVELS: Readonly<Record<string, { kinds: readonly UnitKind[]; vi: string; en: string }>> = {
  DISTRICT: { kinds: ['DISTRICT'], vi: 'cấp quận/huyện', en: 'district' },
  WARD: { kinds: ['WARD', 'COMMUNE'], vi: 'cấp phường/xã', en: 'ward or commune' },
};

/**
 * Checks a board term: its length, and its recognition's deadlines and issuing level. Each limit
 * is read on the date its clock starts (the term's start, the election, the filing, the decision).
 */
export function checkBoardTerm(
  state: Pick<DomainState, 'organizations' | 'organizationAreas' | 'units'>,
  term: BoardTerm,
  ruleData: RuleData = DEFAULT_RULE_DATA,
): Violation[] {
  const entity = entityRef('BoardTerm', term.id);
  const name = state.organizations.find((o) => o.id === term.boardId)?.name ?? term.boardId;
  const rec = term.recognition ?? null;
  const bad = dateFormatViolations(
    [
      [['validFrom'], term.validFrom],
      [['validTo'], term.validTo],
      [['electedOn'], term.electedOn],
      [['recognition', 'filedOn'], rec?.filedOn],
      [['recognition', 'decidedOn'], rec?.decidedOn],
    ],
    entity,
  );
  const isBad = (field: string) => bad.some((v) => v.path[v.path.length - 1] === field);
  const out = [...bad];
  if (!isBad('validFrom') && !isBad('validTo')) out.push(...termLengthViolations(name, term, entity, ruleData));
  if (!rec) return out;
  const filedOn = rec.filedOn ?? null;
  if (filedOn !== null && !isBad('filedOn') && !isBad('electedOn')) {
    const days = numericRuleParameter('board.recognitionFilingDays', term.electedOn, ruleData);
    const deadline = addDays(term.electedOn, days);
    if (filedOn > deadline) {
      out.push(
        ruleViolation(
          'BOARD_RECOGNITION_FILING',
          ['recognition', 'filedOn'],
          entity,
          `Ban quản trị "${name}" được bầu ngày ${viDate(term.electedOn)} nhưng ngày ${viDate(filedOn)} mới đề nghị công nhận; hạn là ${days} ngày (đến ${viDate(deadline)}).`,
          `Management board "${name}" was elected on ${term.electedOn} but filed for recognition only on ${filedOn}; the limit is ${days} days (by ${deadline}).`,
        ),
      );
    }
  }
  if (isBad('decidedOn')) return out;
  if (filedOn !== null && !isBad('filedOn')) {
    const days = numericRuleParameter('board.recognitionDecisionWorkingDays', filedOn, ruleData);
    const deadline = addWorkingDays(filedOn, days);
    if (rec.decidedOn > deadline) {
      out.push(
        ruleViolation(
          'BOARD_RECOGNITION_DECISION',
          ['recognition', 'decidedOn'],
          entity,
          `Ban quản trị "${name}" đề nghị công nhận ngày ${viDate(filedOn)} nhưng ngày ${viDate(rec.decidedOn)} mới có quyết định; hạn là ${days} ngày làm việc (đến ${viDate(deadline)}).`,
          `Management board "${name}" filed for recognition on ${filedOn} but the decision came only on ${rec.decidedOn}; the limit is ${days} working days (by ${deadline}).`,
        ),
      );
    }
  }
  out.push(...recognitionLevelViolations(state, name, rec, entity, ruleData));
  return out;
}

function termLengthViolations(name: string, term: BoardTerm, entity: EntityRef, ruleData: RuleData): Violation[] {
  const years = numericRuleParameter('board.termYears', term.validFrom, ruleData);
  const latestEnd = addYears(term.validFrom, years);
  if (term.validTo === null) {
    return [
      ruleViolation(
        'BOARD_TERM_LENGTH',
        ['validTo'],
        entity,
        `Nhiệm kỳ ${term.termNumber} của Ban quản trị "${name}" chưa có ngày kết thúc; nhiệm kỳ tối đa ${years} năm (kết thúc chậm nhất ${viDate(latestEnd)}).`,
        `Term ${term.termNumber} of management board "${name}" has no end date; a term lasts at most ${years} years (ending by ${latestEnd}).`,
      ),
    ];
  }
  if (term.validTo <= term.validFrom) return [periodOrderViolation(['validTo'], entity, term.validFrom, term.validTo)];
  if (term.validTo <= latestEnd) return [];
  return [
    ruleViolation(
      'BOARD_TERM_LENGTH',
      ['validTo'],
      entity,
      `Nhiệm kỳ ${term.termNumber} của Ban quản trị "${name}" từ ${viDate(term.validFrom)} đến ${viDate(term.validTo)} dài hơn ${years} năm; phải kết thúc chậm nhất ${viDate(latestEnd)}.`,
      `Term ${term.termNumber} of management board "${name}" runs from ${term.validFrom} to ${term.validTo}, longer than ${years} years; it must end by ${latestEnd}.`,
    ),
  ];
}

function recognitionLevelViolations(
  state: Pick<DomainState, 'organizations' | 'organizationAreas' | 'units'>,
  name: string,
  rec: NonNullable<BoardTerm['recognition']>,
  entity: EntityRef,
  ruleData: RuleData,
): Violation[] {
  const issuer = state.organizations.find((o) => o.id === rec.issuerId);
  if (!issuer) return [notFound(['recognition', 'issuerId'], entityRef('Organization', rec.issuerId), 'cơ quan ban hành', 'issuing body')];
  const levelKey = String(ruleParameter('board.recognitionLevel', rec.decidedOn, ruleData));
  const level = RECOGNITION_LEVELS[levelKey];
  // An unknown level in the rule data is a configuration error, not the user's: nothing to hold them to.
  if (!level) return [];
  const servesLevel = state.organizationAreas.some(
    (a) =>
      a.organizationId === issuer.id &&
      isActiveOn(a, rec.decidedOn) &&
      state.units.some((u) => u.id === a.unitId && level.kinds.includes(u.kind)),
  );
  if (issuer.kind === 'PEOPLES_COMMITTEE' && servesLevel) return [];
  return [
    ruleViolation(
      'BOARD_RECOGNITION_LEVEL',
      ['recognition', 'issuerId'],
      entity,
      `Quyết định công nhận Ban quản trị "${name}" số ${rec.decisionNumber} ngày ${viDate(rec.decidedOn)} do "${issuer.name}" ban hành; vào ngày đó phải do UBND ${level.vi} ban hành.`,
      `Recognition decision ${rec.decisionNumber} of ${rec.decidedOn} for management board "${name}" was issued by "${issuer.name}"; on that date it must come from a ${level.en} People's Committee.`,
    ),
  ];
}

// ─── First building conference ───

/**
 * FIRST_CONFERENCE_DUE: the first conference is due within 'board.firstConferenceMonths' months of
 * the date half the apartments were handed over. Reported when that deadline is past on `on` and the
 * conference was not held by then. A single-owner building holds no owners' conference.
 */
export function checkFirstConference(building: ApartmentBuilding, on: IsoDate, ruleData: RuleData = DEFAULT_RULE_DATA): Violation[] {
  const entity = entityRef('ApartmentBuilding', building.id);
  const start = building.halfHandedOverOn ?? null;
  const held = building.firstConferenceOn ?? null;
  const bad = dateFormatViolations(
    [
      [['halfHandedOverOn'], start],
      [['firstConferenceOn'], held],
    ],
    entity,
  );
  if (bad.length > 0) return bad;
  if (!building.multipleOwners || start === null) return [];
  const months = numericRuleParameter('board.firstConferenceMonths', start, ruleData);
  const deadline = addMonths(start, months);
  if (on <= deadline) return [];
  if (held !== null && held <= deadline) return [];
  const heldLate = held !== null && held <= on;
  const name = building.name;
  return [
    ruleViolation(
      'FIRST_CONFERENCE_DUE',
      ['firstConferenceOn'],
      entity,
      heldLate
        ? `Nhà chung cư "${name}" tổ chức hội nghị lần đầu ngày ${viDate(held)}, quá hạn ${months} tháng từ khi bàn giao 50% căn hộ (${viDate(start)}, hạn ${viDate(deadline)}).`
        : `Nhà chung cư "${name}" chưa tổ chức hội nghị lần đầu; hạn là ${months} tháng từ khi bàn giao 50% căn hộ (${viDate(start)}, hạn ${viDate(deadline)}).`,
      heldLate
        ? `Building "${name}" held its first conference on ${held}, later than ${months} months after half its apartments were handed over (${start}, due by ${deadline}).`
        : `Building "${name}" has not held its first conference; it was due ${months} months after half its apartments were handed over (${start}, by ${deadline}).`,
    ),
  ];
}
