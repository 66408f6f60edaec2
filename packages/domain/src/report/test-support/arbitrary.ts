import fc from 'fast-check';
import { BOARD_CHANGE_KINDS } from '../../model/boards.js';
import { COMMENDATION_KINDS, NOMINEE_CATEGORIES, TRAINING_TOPICS } from '../../model/directive.js';
import { PARTY_STATUSES, ROLES } from '../../model/people.js';
import type { DomainState } from '../../model/state.js';
import { StateBuilder } from '../../testing/state-builder.js';

/** A few dates around the review, so periods, ends and windows collide often. */
export const DATES = ['2019-01-01', '2020-06-01', '2021-09-30', '2022-01-01', '2022-06-01', '2022-12-01', '2023-06-01'] as const;

/** Fixed places: a city, two districts of two wards, three groups per ward. */
export const WARDS = ['wa', 'wb', 'wc', 'wd'] as const;
export const GROUPS = WARDS.flatMap((w) => [`${w}1`, `${w}2`, `${w}3`]);
export const SCOPES = ['hn', 'da', 'db', ...WARDS] as const;

const ORG_KINDS = [
  'PARTY_CELL',
  'MANAGEMENT_BOARD',
  'FRONT_WORK_COMMITTEE',
  'MASS_ORGANIZATION_BRANCH',
  'RESIDENTIAL_GROUP_LEADERSHIP',
  'WARD_PARTY_COMMITTEE',
] as const;

const date = fc.constantFrom(...DATES);
const optionalEnd = fc.option(date, { nil: null });
const pick = <T>(items: readonly T[]) => fc.nat({ max: 1_000 }).map((i) => items[i % items.length] as T);

/** Random small states over the fixed places: every table that the figures and findings read. */
export const arbitraryState: fc.Arbitrary<DomainState> = fc
  .record({
    // At most one move per group: two moves of one group need ordered dates to stay one-parent-at-a-time.
    moves: fc.uniqueArray(fc.record({ group: pick(GROUPS), ward: pick(WARDS), on: date }), { maxLength: 2, selector: (m) => m.group }),
    buildings: fc.array(
      fc.record({
        group: pick(GROUPS),
        apartments: fc.constantFrom(10, 20, 80),
        multi: fc.boolean(),
        complex: fc.option(fc.constantFrom('k1', 'k2'), { nil: null }),
        from: date,
        to: optionalEnd,
      }),
      { maxLength: 8 },
    ),
    orgs: fc.array(
      fc.record({
        kind: fc.constantFrom(...ORG_KINDS),
        serves: fc.array(pick([...GROUPS, ...WARDS]), { maxLength: 2 }),
        building: fc.nat(),
        complex: fc.boolean(),
        from: date,
        to: optionalEnd,
      }),
      { maxLength: 10 },
    ),
    people: fc.nat({ max: 10 }),
    memberships: fc.array(fc.record({ person: fc.nat(), org: fc.nat(), role: fc.constantFrom(...ROLES), from: date, to: optionalEnd }), {
      maxLength: 20,
    }),
    party: fc.array(
      fc.record({ person: fc.nat(), org: fc.nat(), status: fc.constantFrom(...PARTY_STATUSES), from: date, to: optionalEnd }),
      { maxLength: 12 },
    ),
    contacts: fc.array(fc.record({ person: fc.nat(), org: fc.nat(), from: date, to: optionalEnd }), { maxLength: 4 }),
    terms: fc.array(fc.record({ org: fc.nat(), n: fc.nat({ max: 3 }), from: date, to: optionalEnd }), { maxLength: 6 }),
    changes: fc.array(fc.record({ org: fc.nat(), kind: fc.constantFrom(...BOARD_CHANGE_KINDS), on: date, other: fc.boolean() }), {
      maxLength: 8,
    }),
    nominations: fc.array(
      fc.record({ by: fc.nat(), person: fc.nat(), board: fc.nat(), category: fc.constantFrom(...NOMINEE_CATEGORIES), on: date }),
      { maxLength: 8 },
    ),
    commendations: fc.array(fc.record({ kind: fc.constantFrom(...COMMENDATION_KINDS), org: fc.nat(), person: fc.nat(), on: date }), {
      maxLength: 6,
    }),
    presentations: fc.array(fc.record({ org: fc.option(fc.nat(), { nil: null }), review: fc.constantFrom('r1', 'r2') }), { maxLength: 5 }),
    petitions: fc.array(fc.record({ group: pick(GROUPS), on: date }), { maxLength: 8 }),
    trainings: fc.array(
      fc.record({ topics: fc.subarray([...TRAINING_TOPICS], { minLength: 1 }), on: date, people: fc.array(fc.nat(), { maxLength: 4 }) }),
      { maxLength: 3 },
    ),
    regulations: fc.array(fc.record({ group: pick(GROUPS), org: fc.nat(), from: date, to: optionalEnd }), { maxLength: 4 }),
  })
  .map((g) => {
    const s = new StateBuilder();
    s.unit('hn', 'PROVINCE', 'Hà Nội', null).unit('da', 'DISTRICT', 'Quận A', 'hn').unit('db', 'DISTRICT', 'Quận B', 'hn');
    WARDS.forEach((w, i) => {
      s.unit(w, 'WARD', `Phường ${w}`, i < 2 ? 'da' : 'db');
    });
    for (const group of GROUPS) s.unit(group, 'RESIDENTIAL_GROUP', `Tổ ${group}`, group.slice(0, 2));
    for (const m of g.moves) if (m.ward !== m.group.slice(0, 2)) s.moveUnit(m.group, m.ward, m.on);
    s.complex('k1', 'Khu 1').complex('k2', 'Khu 2');
    g.buildings.forEach((b, i) => {
      const opts = { apartmentCount: b.apartments, multipleOwners: b.multi, complexId: b.complex ?? undefined, from: b.from, to: b.to };
      s.building(`bld${i}`, `Tòa ${i}`, b.group, opts);
    });
    const orgIds = g.orgs.map((_, i) => `org${i}`);
    g.orgs.forEach((o, i) => {
      const id = `org${i}`;
      if (o.kind === 'MANAGEMENT_BOARD') {
        const target =
          o.complex || g.buildings.length === 0
            ? { complexId: o.building % 2 ? 'k1' : 'k2' }
            : { buildingId: `bld${o.building % g.buildings.length}` };
        s.board(id, `Ban ${i}`, target, { from: o.from, to: o.to });
      } else s.org(id, o.kind, `Tổ chức ${i}`, { from: o.from, to: o.to });
      for (const unit of o.serves) s.serves(id, unit);
    });
    const people = Array.from({ length: g.people }, (_, i) => `person${i}`);
    people.forEach((p, i) => {
      s.person(p, `Người ${i}`, { residenceUnitId: GROUPS[i % GROUPS.length] });
    });
    const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
    for (const m of g.memberships) {
      const p = at(people, m.person);
      const o = at(orgIds, m.org);
      if (p && o) s.member(p, o, m.role, { from: m.from, to: m.to });
    }
    for (const m of g.party) {
      const p = at(people, m.person);
      const o = at(orgIds, m.org);
      if (p && o) s.party(p, o, m.status, { from: m.from, to: m.to });
    }
    for (const c of g.contacts) {
      const p = at(people, c.person);
      const o = at(orgIds, c.org);
      if (p && o) s.contact(p, o, { from: c.from, to: c.to });
    }
    for (const t of g.terms) {
      const o = at(orgIds, t.org);
      if (o) s.term(o, t.n + 1, t.from, t.to);
    }
    for (const c of g.changes) {
      const o = at(orgIds, c.org);
      if (o) s.change(o, c.kind, c.on, c.other ? 'other' : 'dir');
    }
    s.directive('dir', '05-TT/QU', '2021-09-30', 'da').directive('other', '01-CT/QU', '2020-01-01', 'da');
    s.review('r1', 'dir', '2022-12-01').review('r2', 'other', '2022-12-01');
    for (const n of g.nominations) {
      const by = at(orgIds, n.by);
      const p = at(people, n.person);
      const b = at(orgIds, n.board);
      if (by && p && b) s.nomination(by, p, b, n.category, n.on);
    }
    g.commendations.forEach((c, i) => {
      const recipient = c.kind === 'COLLECTIVE' ? at(orgIds, c.org) : at(people, c.person);
      if (recipient) s.commendation(`k${i}`, 'dir', c.kind, c.on, recipient);
    });
    g.presentations.forEach((p, i) => {
      const org = p.org === null ? undefined : at(orgIds, p.org);
      s.presentation(`pr${i}`, p.review, `Tham luận ${i}`, 'PARTY_COMMITTEE', org ? { organizationId: org } : {});
    });
    g.petitions.forEach((p, i) => {
      s.petition(`pet${i}`, p.group, p.on);
    });
    g.trainings.forEach((t, i) => {
      s.training(
        `tr${i}`,
        t.topics,
        t.on,
        t.people.flatMap((k) => optional(at(people, k))),
      );
    });
    for (const r of g.regulations) {
      const o = at(orgIds, r.org);
      if (o) s.regulation(r.group, o, r.from, r.to);
    }
    return s.state;
  });

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
