import fc from 'fast-check';
import { BOARD_CHANGE_KINDS } from '../../model/boards.js';
import { COMMENDATION_KINDS, NOMINEE_CATEGORIES, TRAINING_TOPICS } from '../../model/directive.js';
import { PARTY_STATUSES, ROLES } from '../../model/people.js';
import type { Id } from '../../model/places.js';
import type { DomainState } from '../../model/state.js';
import { StateBuilder } from '../../testing/state-builder.js';
import type { IsoDate } from '../../time/dates.js';
import { periodsOverlap } from '../../time/period.js';
import { DATES, GROUPS, WARDS } from './arbitrary.js';

/**
 * Random states over the domain's own model that a database accepts as they are: the fixed city of
 * `arbitrary.ts` (a city, two districts, four wards of three groups) put through reorganisations —
 * groups moved between wards, a ward merged into a new one, a group dissolved, a district abolished
 * with its wards moved under the city (as on 1/7/2025) — with bodies, boards on buildings or
 * complexes, terms, memberships, party memberships, Regulation 213 contacts, nominations,
 * commendations, presentations, petitions, trainings and regulations on overlapping dates. Rows the
 * schema's rules refuse (a second party membership at a time, a second head at a time, a
 * membership outside its body's life, an empty period) are dropped or clipped, the way the store
 * would refuse them, so every generated state is one the API could hold.
 */

/** Boards and cells most often: the figures are about them. */
const ORG_KINDS = [
  'PARTY_CELL',
  'PARTY_CELL',
  'MANAGEMENT_BOARD',
  'MANAGEMENT_BOARD',
  'MANAGEMENT_BOARD',
  'FRONT_WORK_COMMITTEE',
  'MASS_ORGANIZATION_BRANCH',
  'RESIDENTIAL_GROUP_LEADERSHIP',
  'WARD_PARTY_COMMITTEE',
  'WARD_PARTY_COMMITTEE',
] as const;

/** The merged ward a reorganisation creates, and the scopes a test asks about. */
export const MERGED_WARD = 'wm';
export const STORED_SCOPES = ['hn', 'da', 'db', ...WARDS, MERGED_WARD, 'wa1', 'wc2'] as const;
export { DATES };

const date = fc.constantFrom(...DATES);
const pick = <T>(items: readonly T[]) => fc.nat({ max: 1_000 }).map((i) => items[i % items.length] as T);

/** A non-empty period: `to` after `from`, or open (half the time). */
const period = fc.tuple(date, fc.option(date, { nil: null, freq: 2 })).map(([a, b]) => {
  if (b === null || a === b) return { from: a, to: null as IsoDate | null };
  return a < b ? { from: a, to: b } : { from: b, to: a };
});
/** Groups where most things happen, so buildings, boards, cells and people meet (any group now and then). */
const HOT_GROUPS = ['wa1', 'wb2', 'wc1'] as const;
const group = fc.oneof({ arbitrary: pick(HOT_GROUPS), weight: 3 }, { arbitrary: pick(GROUPS), weight: 1 });
const directiveOf = fc.constantFrom<'dir' | 'other' | null>('dir', 'other', null);

export const storedState: fc.Arbitrary<DomainState> = fc
  .record({
    moves: fc.uniqueArray(fc.record({ group: pick(GROUPS), ward: pick(WARDS), on: date }), { maxLength: 3, selector: (m) => m.group }),
    merge: fc.option(fc.record({ ward: pick(WARDS), on: date }), { nil: null }),
    dissolve: fc.option(fc.record({ group: pick(GROUPS), on: date }), { nil: null }),
    abolish: fc.option(date, { nil: null }),
    buildings: fc.array(
      fc.record({
        group,
        apartments: fc.constantFrom(10, 20, 80),
        multi: fc.boolean(),
        complex: fc.option(fc.constantFrom('k1', 'k2'), { nil: null }),
        period,
      }),
      { maxLength: 8 },
    ),
    orgs: fc.array(
      fc.record({
        kind: fc.constantFrom(...ORG_KINDS),
        serves: fc.array(fc.oneof({ arbitrary: group, weight: 3 }, { arbitrary: pick([...WARDS, MERGED_WARD]), weight: 1 }), {
          maxLength: 2,
        }),
        building: fc.nat(),
        complex: fc.boolean(),
        period,
      }),
      { maxLength: 10 },
    ),
    // Few people, so the same person is a board member, a party member and a trainee often.
    people: fc.integer({ min: 1, max: 6 }),
    residences: fc.array(fc.option(group, { nil: null }), { minLength: 10, maxLength: 10 }),
    memberships: fc.array(fc.record({ person: fc.nat(), org: fc.nat(), role: fc.constantFrom(...ROLES), period }), { maxLength: 20 }),
    // Seats on boards (and posts in cells), so board figures meet party members and post holders often.
    seats: fc.array(
      fc.record({ person: fc.nat(), org: fc.nat(), role: fc.constantFrom('HEAD', 'MEMBER', 'SECRETARY', 'COMMITTEE_MEMBER'), period }),
      {
        maxLength: 8,
      },
    ),
    party: fc.array(fc.record({ person: fc.nat(), org: fc.nat(), status: fc.constantFrom(...PARTY_STATUSES), period }), {
      maxLength: 12,
    }),
    contacts: fc.array(fc.record({ person: fc.nat(), org: fc.nat(), period }), { maxLength: 4 }),
    terms: fc.array(fc.record({ org: fc.nat(), period }), { maxLength: 6 }),
    changes: fc.array(fc.record({ org: fc.nat(), kind: fc.constantFrom(...BOARD_CHANGE_KINDS), on: date, directive: directiveOf }), {
      maxLength: 8,
    }),
    nominations: fc.array(
      fc.record({
        by: fc.nat(),
        person: fc.nat(),
        board: fc.nat(),
        category: fc.constantFrom(...NOMINEE_CATEGORIES),
        on: date,
        directive: directiveOf,
      }),
      { maxLength: 8 },
    ),
    commendations: fc.array(
      fc.record({ kind: fc.constantFrom(...COMMENDATION_KINDS), org: fc.nat(), person: fc.nat(), on: date, other: fc.boolean() }),
      { maxLength: 6 },
    ),
    presentations: fc.array(
      fc.record({
        by: fc.constantFrom('org', 'person', 'issuer', 'none'),
        org: fc.nat(),
        person: fc.nat(),
        review: fc.constantFrom('r1', 'r2', 'r3'),
      }),
      { maxLength: 5 },
    ),
    petitions: fc.array(fc.record({ group, on: date }), { maxLength: 8 }),
    trainings: fc.array(
      fc.record({
        topics: fc.subarray([...TRAINING_TOPICS], { minLength: 1 }),
        on: date,
        people: fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 4 }),
      }),
      { maxLength: 3 },
    ),
    regulations: fc.array(fc.record({ group, org: fc.nat(), period }), { maxLength: 4 }),
    /** People at an early fire-safety course (so trained board heads are common). */
    fireCourse: fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 3 }),
  })
  .map((g) => {
    const s = new StateBuilder();
    s.unit('hn', 'PROVINCE', 'Hà Nội', null).unit('da', 'DISTRICT', 'Quận A', 'hn').unit('db', 'DISTRICT', 'Quận B', 'hn');
    WARDS.forEach((w, i) => {
      s.unit(w, 'WARD', `Phường ${w}`, i < 2 ? 'da' : 'db');
    });
    for (const group of GROUPS) s.unit(group, 'RESIDENTIAL_GROUP', `Tổ ${group}`, group.slice(0, 2));
    for (const m of g.moves) if (m.ward !== m.group.slice(0, 2)) s.moveUnit(m.group, m.ward, m.on);
    if (g.merge) {
      const district = WARDS.indexOf(g.merge.ward as (typeof WARDS)[number]) < 2 ? 'da' : 'db';
      s.unit(MERGED_WARD, 'WARD', 'Phường Mới', district, { from: g.merge.on });
      endUnit(s, g.merge.ward, g.merge.on, MERGED_WARD);
    }
    if (g.dissolve) endUnit(s, g.dissolve.group, g.dissolve.on, null);
    if (g.abolish) endUnit(s, 'db', g.abolish, 'hn');

    s.complex('k1', 'Khu 1').complex('k2', 'Khu 2');
    g.buildings.forEach((b, i) => {
      const opts = { apartmentCount: b.apartments, multipleOwners: b.multi, complexId: b.complex ?? undefined, ...b.period };
      s.building(`bld${i}`, `Tòa ${i}`, b.group, opts);
    });
    s.org('issuer', 'DISTRICT_PARTY_COMMITTEE', 'Quận ủy A', { serves: ['da'] });
    const orgIds = g.orgs.map((_, i) => `org${i}`);
    const boardTargets: Array<{ key: string; from: IsoDate; to: IsoDate | null }> = [];
    g.orgs.forEach((o, i) => {
      const id = `org${i}`;
      if (o.kind === 'MANAGEMENT_BOARD') {
        const target =
          o.complex || g.buildings.length === 0
            ? { complexId: o.building % 2 ? 'k1' : 'k2' }
            : { buildingId: `bld${o.building % g.buildings.length}` };
        // One board per building (and per complex) at a time: a second one is a body of another kind.
        const key = target.complexId ?? target.buildingId ?? '';
        const clash = boardTargets.some(
          (t) => t.key === key && periodsOverlap({ validFrom: t.from, validTo: t.to }, { validFrom: o.period.from, validTo: o.period.to }),
        );
        if (clash) s.org(id, 'FRONT_WORK_COMMITTEE', `Tổ chức ${i}`, o.period);
        else {
          boardTargets.push({ key, ...o.period });
          s.board(id, `Ban ${i}`, target, o.period);
        }
      } else s.org(id, o.kind, `Tổ chức ${i}`, o.period);
      for (const unit of o.serves) if (unit !== MERGED_WARD || g.merge) s.serves(id, unit);
      // A cell of residential groups serves one (a cell serving only wards now and then too).
      if (o.kind === 'PARTY_CELL' && o.building % 4 !== 0 && !o.serves.some((u) => GROUPS.includes(u)))
        s.serves(id, HOT_GROUPS[o.building % HOT_GROUPS.length] as Id);
    });
    const people = Array.from({ length: g.people }, (_, i) => `person${i}`);
    people.forEach((p, i) => {
      s.person(p, `Người ${i % 4}`, { residenceUnitId: g.residences[i] ?? undefined });
    });
    const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
    const orgPeriod = (id: Id) => s.state.organizations.find((o) => o.id === id);
    for (const m of g.memberships) {
      const p = at(people, m.person);
      const o = at(orgIds, m.org);
      const body = o ? orgPeriod(o) : undefined;
      const clipped = body ? clip(m.period, body) : undefined;
      if (p && o && clipped) s.member(p, o, m.role, clipped);
    }
    const ofKind = (kinds: readonly string[]) =>
      s.state.organizations.filter((o) => kinds.includes(o.kind) && o.id !== 'issuer').map((o) => o.id);
    const boardsAndCells = ofKind(['MANAGEMENT_BOARD', 'PARTY_CELL']);
    for (const m of g.seats) {
      const p = at(people, m.person);
      const o = at(boardsAndCells, m.org);
      const body = o ? orgPeriod(o) : undefined;
      const clipped = body ? clip(m.period, body) : undefined;
      if (p && o && clipped) s.member(p, o, body?.kind === 'MANAGEMENT_BOARD' && m.role !== 'HEAD' ? 'MEMBER' : m.role, clipped);
    }
    // Party members' home cells are cells (other bodies too, now and then: they never count).
    const cells = ofKind(['PARTY_CELL']);
    for (const m of g.party) {
      const p = at(people, m.person);
      const o = m.org % 4 === 0 ? at(orgIds, m.org) : (at(cells, m.org) ?? at(orgIds, m.org));
      if (p && o) s.party(p, o, m.status, m.period);
    }
    for (const c of g.contacts) {
      const p = at(people, c.person);
      const o = at(orgIds, c.org);
      if (p && o) s.contact(p, o, c.period);
    }
    g.terms.forEach((t, i) => {
      const o = at(orgIds, t.org);
      // A term has a planned end (the schema requires one).
      if (o) s.term(o, i + 1, t.period.from, t.period.to ?? '2030-01-01');
    });
    for (const c of g.changes) {
      const o = at(orgIds, c.org);
      if (o) s.change(o, c.kind, c.on, c.directive ?? undefined);
    }
    s.directive('dir', '05-TT/QU', '2021-09-30', 'da').directive('other', '01-CT/QU', '2020-01-01', 'da');
    s.review('r1', 'dir', '2022-12-01').review('r2', 'other', '2022-12-01').review('r3', 'dir', '2021-01-01');
    for (const n of g.nominations) {
      const by = at(orgIds, n.by);
      const p = at(people, n.person);
      const b = at(orgIds, n.board);
      if (by && p && b) s.nomination(by, p, b, n.category, n.on, n.directive ? { directiveId: n.directive } : {});
    }
    g.commendations.forEach((c, i) => {
      const recipient = c.kind === 'COLLECTIVE' ? at(orgIds, c.org) : at(people, c.person);
      if (recipient) s.commendation(`k${i}`, c.other ? 'other' : 'dir', c.kind, c.on, recipient);
    });
    g.presentations.forEach((p, i) => {
      const org = p.by === 'issuer' ? 'issuer' : p.by === 'org' ? at(orgIds, p.org) : undefined;
      const person = p.by === 'person' ? at(people, p.person) : undefined;
      s.presentation(`pr${i}`, p.review, `Tham luận ${i % 3}`, 'PARTY_COMMITTEE', {
        ...(org ? { organizationId: org } : {}),
        ...(person ? { personId: person } : {}),
      });
    });
    g.petitions.forEach((p, i) => {
      s.petition(`pet${i}`, p.group, p.on);
    });
    g.trainings.forEach((t, i) => {
      s.training(
        `tr${i}`,
        t.topics,
        t.on,
        t.people.flatMap((k) => (k < people.length ? [people[k] as Id] : [])),
      );
    });
    s.training(
      'fire',
      ['FIRE_SAFETY'],
      '2020-06-01',
      g.fireCourse.flatMap((k) => (k < people.length ? [people[k] as Id] : [])),
    );
    for (const r of g.regulations) {
      const o = at(orgIds, r.org);
      if (o) s.regulation(r.group, o, r.period.from, r.period.to);
    }
    keepOneAtATime(s.state.partyMemberships, (m) => m.personId);
    keepOneAtATime(s.state.memberships, (m) => `${m.organizationId}|${m.personId}|${m.role}`);
    keepOneAtATime(s.state.memberships, (m) =>
      m.role === 'HEAD' || m.role === 'INTERIM_HEAD'
        ? `${m.organizationId}|HEAD`
        : m.role === 'SECRETARY'
          ? `${m.organizationId}|SECRETARY`
          : m.id,
    );
    return s.state;
  });

/**
 * Ends a unit on `on` as a reorganisation does: its own parent links end then (or go, if they
 * start later), and its children's links move to `successor` from `on` (a dissolved group has none).
 */
function endUnit(s: StateBuilder, unitId: Id, on: IsoDate, successor: Id | null): void {
  const unit = s.state.units.find((u) => u.id === unitId);
  if (!unit || unit.validFrom >= on || (unit.validTo !== null && unit.validTo <= on)) return;
  unit.validTo = on;
  const links = s.state.unitParents;
  for (let i = links.length - 1; i >= 0; i--) {
    const l = links[i];
    if (!l) continue;
    if (l.unitId === unitId) {
      if (l.validFrom >= on) links.splice(i, 1);
      else if (l.validTo === null || l.validTo > on) l.validTo = on;
    } else if (l.parentId === unitId && successor !== null) {
      if (l.validFrom >= on) l.parentId = successor;
      else if (l.validTo === null || l.validTo > on) {
        const until = l.validTo;
        l.validTo = on;
        s.link(l.unitId, successor, { from: on, to: until });
      }
    }
  }
}

/** The part of `p` within `body`'s life, or undefined when they do not meet. */
function clip(p: { from: IsoDate; to: IsoDate | null }, body: { validFrom: IsoDate; validTo: IsoDate | null }) {
  const from = [p.from, body.validFrom].sort()[1] as IsoDate; // the later start (ISO dates sort as text)
  const ends = [p.to, body.validTo].filter((x): x is IsoDate => x !== null).sort();
  const to = ends[0] ?? null;
  return to !== null && to <= from ? undefined : { from, to };
}

/** Drops, in order, each row whose period overlaps a kept row of the same key (the schema's one-at-a-time rules). */
function keepOneAtATime<T extends { validFrom: IsoDate; validTo: IsoDate | null }>(rows: T[], key: (row: T) => string): void {
  const kept: T[] = [];
  for (const row of rows) if (!kept.some((k) => key(k) === key(row) && periodsOverlap(k, row))) kept.push(row);
  rows.splice(0, rows.length, ...kept);
}
