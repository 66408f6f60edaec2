import {
  addDays,
  type Id,
  type IsoDate,
  type MassOrganization,
  maxDate,
  minDate,
  type Person,
  type ResidenceContactCategory,
  type Role,
  type Sex,
} from '@coso/domain';
import type { DatasetBuilder } from './builder.js';
import {
  branchId,
  CITY_PARTY_COMMITTEE_ID,
  cellId,
  frontWorkCommitteeId,
  leadershipId,
  residentialGroupId,
  wardFrontId,
  wardPartyCommitteeId,
  wardPeoplesCommitteeId,
} from './ids.js';
import { itemAt, Random, required } from './random.js';
import { isParty, type PlannedMember } from './seats.js';
import { GROUP_WITHOUT_CELL_LATER, type OldWardKey, SHARED_CELL, WARDS, type WardSpec } from './spec.js';
import { DISTRICT_FROM, groupName, wardName } from './structure.js';

/** Founding day of the Thạch Bàn cell that is still too small on 01/12/2022 (CELL_MIN_OFFICIAL_MEMBERS). */
export const WEAK_CELL_FROM = '2022-06-15';
/** Its probationary member, admitted by the new cell, becomes official 12 months later. */
const WEAK_CELL_ADMISSION = '2022-07-20';

/** Workplace party cells: the home cells of the Regulation 213 members (invented institutions). */
const WORKPLACE_CELLS = [
  'Chi bộ Công ty Cổ phần Tư vấn Xây dựng Sông Hồng',
  'Chi bộ Trung tâm Y tế khu vực Bắc Long Biên',
  'Chi bộ Trường Trung học phổ thông Bồ Đề Xanh',
  'Chi bộ Phòng Kế hoạch – Tài chính, Tổng công ty Vận tải Thăng Long',
  'Chi bộ Ngân hàng Thương mại Cổ phần Đông Đô, Chi nhánh Long Biên',
  'Chi bộ Viện Nghiên cứu Đô thị và Hạ tầng',
] as const;
export const workplaceCellId = (i: number): Id => `org-chi-bo-co-quan-${i + 1}`;

interface Slot {
  organizationId: Id;
  role: Role;
  /** Held by a party member of the group's cell. */
  party: boolean;
  sex?: Sex;
  male?: number;
  born: readonly [number, number];
  postId?: Id;
  /** Earliest start of the post. */
  floor: IsoDate;
}

/** The latest day a post or a party membership of the group's people starts (so that all hold on 01/12/2022). */
const POST_LATEST = '2022-06-30';

/**
 * The political system of every residential group: its party cell with members and leadership,
 * its head and deputy, and for the 49 groups with apartment buildings also the Front work committee
 * and the women's, veterans' and youth branches, with the Regulation 213 members who keep contact
 * with the cell. People on boards (planned in seats.ts) get exactly the party membership and posts
 * their seat kind says; everyone else is created here.
 */
export class PoliticalSystems {
  private readonly rng = Random.forPart('political-system');
  private readonly partyOfPerson = new Map<Id, { cellId: Id; from: IsoDate; official: boolean }>();
  /** People who may be picked for cell committee posts: party members created here with no other post. */
  private readonly plainMembers = new Map<Id, Id[]>();
  private workplace = 0;
  /** Founding members recorded per cell (see `housePartyStart`). */
  private readonly founders = new Map<Id, number>();

  constructor(
    private readonly b: DatasetBuilder,
    private readonly planned: readonly PlannedMember[],
  ) {}

  build(): void {
    WORKPLACE_CELLS.forEach((name, i) => {
      this.b.organization(workplaceCellId(i), 'PARTY_CELL', name, DISTRICT_FROM, { parentId: CITY_PARTY_COMMITTEE_ID });
    });
    for (const ward of WARDS) {
      for (let n = 1; n <= ward.groups; n++) {
        const apartments = ward.apartmentGroups.find((g) => g.n === n);
        if (apartments) this.apartmentGroup(ward, n, apartments.weakCell === true);
        else this.plainGroup(ward, n);
      }
    }
    for (let i = 0; i < WORKPLACE_CELLS.length; i++) {
      const cell = workplaceCellId(i);
      const first = this.b.state.partyMemberships.find((p) => p.homeCellId === cell);
      if (first) this.b.membership(first.personId, cell, 'SECRETARY', addDays(maxDate(first.validFrom, '2020-01-01'), 45));
    }
  }

  // ─── Bodies ───

  private groupBodies(ward: OldWardKey, n: number, full: boolean, cellFrom: IsoDate | null): void {
    const gid = residentialGroupId(ward, n);
    const suffix = `${groupName(n)}, phường ${wardName(ward)}`;
    if (cellFrom !== null) {
      const shared = ward === SHARED_CELL.ward && SHARED_CELL.groups.includes(n as 15 | 16);
      const units = shared ? SHARED_CELL.groups.map((g) => residentialGroupId(ward, g)) : [gid];
      const name = shared ? `Chi bộ Tổ dân phố số ${SHARED_CELL.groups.join(' và ')}, phường ${wardName(ward)}` : `Chi bộ ${suffix}`;
      this.b.organization(cellId(ward, n), 'PARTY_CELL', name, cellFrom, { parentId: wardPartyCommitteeId(ward), unitIds: units });
      this.b.post(cellId(ward, n), 'SECRETARY', 'Bí thư chi bộ', cellFrom);
    }
    const lead = leadershipId(ward, n);
    this.b.organization(lead, 'RESIDENTIAL_GROUP_LEADERSHIP', `Tổ trưởng, tổ phó ${lowerFirst(suffix)}`, DISTRICT_FROM, {
      parentId: wardPeoplesCommitteeId(ward),
      unitIds: [gid],
    });
    this.b.post(lead, 'HEAD', 'Tổ trưởng tổ dân phố', DISTRICT_FROM);
    this.b.post(lead, 'DEPUTY_HEAD', 'Tổ phó tổ dân phố', DISTRICT_FROM);
    if (!full) return;
    this.b.organization(frontWorkCommitteeId(ward, n), 'FRONT_WORK_COMMITTEE', `Ban công tác Mặt trận ${suffix}`, DISTRICT_FROM, {
      parentId: wardFrontId(ward),
      unitIds: [gid],
    });
    const branches: ReadonlyArray<readonly [MassOrganization & ('WOMENS_UNION' | 'VETERANS_ASSOCIATION' | 'YOUTH_UNION'), string]> = [
      ['WOMENS_UNION', 'Chi hội Phụ nữ'],
      ['VETERANS_ASSOCIATION', 'Chi hội Cựu chiến binh'],
      ['YOUTH_UNION', 'Chi đoàn Thanh niên'],
    ];
    for (const [org, label] of branches) {
      this.b.organization(branchId(ward, n, org), 'MASS_ORGANIZATION_BRANCH', `${label} ${suffix}`, DISTRICT_FROM, {
        unitIds: [gid],
        massOrganization: org,
      });
    }
  }

  private slots(ward: OldWardKey, n: number, full: boolean): Slot[] {
    const cell = cellId(ward, n);
    const lead = leadershipId(ward, n);
    const out: Slot[] = [
      { organizationId: cell, role: 'SECRETARY', party: true, born: [1950, 1978], postId: `post-secretary-${cell}`, floor: '2020-05-15' },
      { organizationId: lead, role: 'HEAD', party: true, born: [1952, 1985], postId: `post-head-${lead}`, floor: '2019-06-01' },
      {
        organizationId: lead,
        role: 'DEPUTY_HEAD',
        party: false,
        born: [1955, 1990],
        postId: `post-deputy-head-${lead}`,
        floor: '2019-06-01',
      },
    ];
    if (!full) return out;
    const front = frontWorkCommitteeId(ward, n);
    const women = branchId(ward, n, 'WOMENS_UNION');
    const veterans = branchId(ward, n, 'VETERANS_ASSOCIATION');
    const youth = branchId(ward, n, 'YOUTH_UNION');
    out.push(
      { organizationId: cell, role: 'DEPUTY_SECRETARY', party: true, born: [1952, 1982], floor: '2020-05-15' },
      { organizationId: front, role: 'HEAD', party: true, born: [1950, 1975], floor: '2019-03-01' },
      { organizationId: veterans, role: 'HEAD', party: true, male: 0.95, born: [1948, 1968], floor: '2017-06-01' },
      { organizationId: youth, role: 'SECRETARY', party: true, born: [1990, 2000], floor: '2020-01-01' },
      { organizationId: front, role: 'DEPUTY_HEAD', party: false, born: [1952, 1985], floor: '2019-03-01' },
      { organizationId: front, role: 'MEMBER', party: false, born: [1955, 1990], floor: '2019-03-01' },
      { organizationId: front, role: 'MEMBER', party: false, born: [1955, 1990], floor: '2019-03-01' },
      { organizationId: women, role: 'HEAD', party: false, sex: 'FEMALE', born: [1960, 1988], floor: '2017-06-01' },
      { organizationId: women, role: 'DEPUTY_HEAD', party: false, sex: 'FEMALE', born: [1962, 1992], floor: '2017-06-01' },
      { organizationId: veterans, role: 'DEPUTY_HEAD', party: false, male: 0.9, born: [1950, 1970], floor: '2017-06-01' },
      { organizationId: youth, role: 'DEPUTY_SECRETARY', party: false, born: [1993, 2002], floor: '2020-01-01' },
    );
    return out;
  }

  // ─── Groups ───

  private apartmentGroup(ward: WardSpec, n: number, weakCell: boolean): void {
    const rng = this.rng;
    const gid = residentialGroupId(ward.key, n);
    this.groupBodies(ward.key, n, true, weakCell ? WEAK_CELL_FROM : DISTRICT_FROM);
    const cell = cellId(ward.key, n);
    const demands = this.planned.filter((m) => m.board.groupId === gid);
    const slots = this.slots(ward.key, n, true);
    // A new cell with three members cannot staff the group's other party posts: non-members hold them.
    if (weakCell) for (const s of slots) if (!(s.organizationId === cell && s.role === 'SECRETARY')) s.party = false;
    const free = rng.shuffle(slots.filter((s) => !(weakCell && s.organizationId === cell && s.role === 'DEPUTY_SECRETARY')));
    const take = (party: boolean): Slot => {
      const i = free.findIndex((s) => s.party === party);
      if (i < 0) throw new Error(`${gid}: not enough ${party ? 'party' : 'other'} posts for the people on boards`);
      const [slot] = free.splice(i, 1);
      return required(slot, 'slot');
    };

    // People planned on boards, with exactly the party membership and posts their kind says.
    for (const m of demands) {
      if (m.kind === 'O') continue;
      const slot = m.kind === 'B' ? take(true) : m.kind === 'S' ? take(false) : undefined;
      const person = this.boardPerson(m, slot);
      if (isParty(m.kind)) this.joinCell(person, cell, this.partyStart(person, m));
      if (slot) this.holdPost(person, slot, m.latest, m.since);
      if (m.kind === 'R') this.residenceContact(person, cell, m);
    }

    // The other posts, held by people of the group who sit on no board.
    for (const slot of free) {
      const person = this.resident(gid, slot);
      if (slot.party) this.joinCell(person, cell, this.housePartyStart(person, cell, weakCell));
      this.holdPost(person, slot, POST_LATEST);
    }
    if (weakCell) {
      // Founded in 2022: the secretary, one more official member and a probationary one.
      const official = this.resident(gid, { male: 0.5, born: [1955, 1985] });
      this.joinCell(official, cell, WEAK_CELL_FROM);
      const probationary = this.resident(gid, { male: 0.5, born: [1988, 1998] });
      this.b.partyMembership(probationary.id, cell, WEAK_CELL_ADMISSION, 'PROBATIONARY', WEAK_CELL_ADMISSION);
      return;
    }
    // Founding members the posts did not provide, then plain members up to the cell's size; now and
    // then a probationary one admitted this year.
    const plain: Id[] = [];
    while ((this.founders.get(cell) ?? 0) < 3) {
      const person = this.resident(gid, { male: 0.55, born: [1940, 1975] });
      this.joinCell(person, cell, this.housePartyStart(person, cell, false));
      plain.push(person.id);
    }
    const size = this.b.state.partyMemberships.filter((p) => p.homeCellId === cell && p.status === 'OFFICIAL').length;
    const target = rng.int(8, 17);
    for (let i = size; i < target; i++) {
      const person = this.resident(gid, { male: 0.55, born: [1945, 1990] });
      this.joinCell(person, cell, this.housePartyStart(person, cell, false));
      plain.push(person.id);
    }
    if (rng.chance(0.4)) {
      const person = this.resident(gid, { male: 0.5, born: [1990, 2000] });
      const admitted = rng.dateBetween('2022-01-10', '2022-10-30');
      this.b.partyMembership(person.id, cell, admitted, 'PROBATIONARY', admitted);
    }
    this.plainMembers.set(cell, plain);
    this.cellCommittee(cell);
    // Regulation 213 members living in the group who were not introduced to a board.
    const extra = rng.int(0, 2);
    for (let i = 0; i < extra; i++) {
      const person = this.resident(gid, { male: 0.55, born: [1968, 1992] });
      const category = rng.weighted<ResidenceContactCategory>([
        ['NORMAL', 6],
        ['EXEMPT_FROM_ACTIVITIES', 2],
        ['EXEMPT_FROM_INTRODUCTION', 1],
      ]);
      this.workplaceParty(person);
      const since = rng.dateBetween('2020-01-02', '2022-06-30');
      this.b.state.residenceContacts.push({
        id: this.b.nextId('contact'),
        personId: person.id,
        residenceCellId: cell,
        category,
        validFrom: since,
        validTo: null,
      });
    }
  }

  private plainGroup(ward: WardSpec, n: number): void {
    const rng = this.rng;
    const gid = residentialGroupId(ward.key, n);
    const later = GROUP_WITHOUT_CELL_LATER;
    const withoutCell = ward.key === later.ward && n === later.n;
    const sharedSecond = ward.key === SHARED_CELL.ward && n === SHARED_CELL.groups[1];
    const hasOwnCell = !withoutCell && !sharedSecond;
    this.groupBodies(ward.key, n, false, hasOwnCell ? DISTRICT_FROM : null);
    const homeCell = withoutCell
      ? cellId(ward.key, later.hostGroup)
      : sharedSecond
        ? cellId(ward.key, SHARED_CELL.groups[0])
        : cellId(ward.key, n);
    const officials = withoutCell ? 3 : rng.int(sharedSecond ? 2 : 3, 7);
    const members: Person[] = [];
    for (let i = 0; i < officials; i++) {
      const person = this.resident(gid, { male: 0.6, born: i < 3 ? [1940, 1975] : [1940, 1985] });
      this.joinCell(person, homeCell, this.housePartyStart(person, homeCell, false), withoutCell ? later.cellFoundedOn : null);
      members.push(person);
    }
    if (!withoutCell && rng.chance(0.25)) {
      const person = this.resident(gid, { male: 0.5, born: [1988, 1999] });
      const admitted = rng.dateBetween('2022-01-10', '2022-10-30');
      this.b.partyMembership(person.id, homeCell, admitted, 'PROBATIONARY', admitted);
    }
    if (withoutCell) {
      // 1/3/2024: the group's own cell is founded and its three members move to it.
      const cell = cellId(ward.key, n);
      this.b.organization(cell, 'PARTY_CELL', `Chi bộ ${groupName(n)}, phường ${wardName(ward.key)}`, later.cellFoundedOn, {
        parentId: wardPartyCommitteeId(ward.key),
        unitIds: [gid],
      });
      const postId = this.b.post(cell, 'SECRETARY', 'Bí thư chi bộ', later.cellFoundedOn);
      for (const p of members) {
        const admitted = required(this.partyOfPerson.get(p.id), 'party membership');
        const old = required(
          this.b.state.partyMemberships.find((x) => x.personId === p.id),
          'party record',
        );
        this.b.partyMembership(p.id, cell, later.cellFoundedOn, 'OFFICIAL', old.admittedOn ?? admitted.from);
        this.partyOfPerson.set(p.id, { cellId: cell, from: later.cellFoundedOn, official: true });
      }
      this.b.membership(itemAt(members, 0).id, cell, 'SECRETARY', later.cellFoundedOn, null, { postId });
    } else if (!sharedSecond) {
      const secretary = itemAt(members, 0);
      this.holdPost(secretary, itemAt(this.slots(ward.key, n, false), 0), POST_LATEST);
      if (officials >= 6)
        this.holdPost(
          itemAt(members, 1),
          { organizationId: homeCell, role: 'DEPUTY_SECRETARY', party: true, born: [1940, 1985], floor: '2020-05-15' },
          POST_LATEST,
        );
    }
    // Group head (often a party member) and deputy.
    const [, headSlot, deputySlot] = this.slots(ward.key, n, false);
    if (!headSlot || !deputySlot) throw new Error('leadership slots');
    const head = rng.chance(0.7) && members.length > 2 ? itemAt(members, members.length - 1) : this.resident(gid, headSlot);
    this.holdPost(head, headSlot, POST_LATEST);
    this.holdPost(this.resident(gid, deputySlot), deputySlot, POST_LATEST);
  }

  // ─── People ───

  /** A board member or nominee planned in seats.ts: an owner in the board's building since `since`. */
  private boardPerson(m: PlannedMember, slot: Slot | undefined): Person {
    const rng = this.rng;
    const building = itemAt(m.board.buildings, m.buildingIndex).building;
    const lower = required(building.handoverStartedOn, `handover of ${building.id}`);
    let upper = addDays(m.latest, -90);
    if (m.joinOn) upper = minDate(upper, addDays(m.joinOn, -1));
    upper = minDate(upper, addDays(lower, 900));
    m.since = rng.dateBetween(lower, upper);
    const born: readonly [number, number] = slot?.born ?? (m.kind === 'R' ? [1968, 1990] : [1950, 1990]);
    const person = this.b.person({
      ...(slot?.sex ? { sex: slot.sex } : {}),
      male: slot?.male ?? 0.55,
      born: [born[0], Math.min(born[1], 1995)],
      residenceUnitId: m.board.groupId,
    });
    m.personId = person.id;
    return person;
  }

  /** Someone living in the group (an older house, or an apartment whose ownership is not recorded). */
  private resident(groupId: Id, shape: { sex?: Sex; male?: number; born: readonly [number, number] }): Person {
    return this.b.person({
      ...(shape.sex ? { sex: shape.sex } : {}),
      male: shape.male ?? 0.5,
      born: shape.born,
      residenceUnitId: groupId,
    });
  }

  private partyStart(person: Person, m: PlannedMember): IsoDate {
    const since = required(m.since, 'since');
    const from = maxDate(addDays(since, 15), `${person.birthYear + 20}-01-01`);
    return this.rng.dateBetween(from, addDays(m.latest, -30));
  }

  /**
   * When a party member living in the group joined its cell. The first three born by 1980 are the
   * cell's founding members (from the cell's first day), so that every cell has 3 official members
   * throughout its life.
   */
  private housePartyStart(person: Person, cell: Id, weakCell: boolean): IsoDate {
    if (weakCell) return WEAK_CELL_FROM;
    const founders = this.founders.get(cell) ?? 0;
    if (founders < 3 && person.birthYear <= 1980) {
      this.founders.set(cell, founders + 1);
      return DISTRICT_FROM;
    }
    return this.rng.dateBetween(maxDate(DISTRICT_FROM, `${person.birthYear + 20}-01-01`), '2021-12-31');
  }

  /** Party membership in the group's cell from `from` (admitted some years before, or on that day). */
  private joinCell(person: Person, cell: Id, from: IsoDate, until: IsoDate | null = null): void {
    const admittedFrom = `${person.birthYear + 19}-01-01`;
    const admittedOn = this.rng.dateBetween(minDate(admittedFrom, from), from);
    this.b.partyMembership(person.id, cell, from, 'OFFICIAL', admittedOn, until);
    this.partyOfPerson.set(person.id, { cellId: cell, from, official: true });
  }

  private holdPost(person: Person, slot: Slot, latest: IsoDate, since?: IsoDate): void {
    const party = this.partyOfPerson.get(person.id);
    let floor = since === undefined ? slot.floor : maxDate(slot.floor, addDays(since, 30));
    if (slot.party && party) floor = maxDate(floor, addDays(party.from, 20));
    const to = minDate(latest, POST_LATEST);
    const from = floor <= to ? this.rng.dateBetween(floor, to) : to;
    this.b.membership(person.id, slot.organizationId, slot.role, from, null, slot.postId ? { postId: slot.postId } : {});
  }

  private workplaceParty(person: Person): void {
    const cell = workplaceCellId(this.workplace++ % WORKPLACE_CELLS.length);
    const from = this.rng.dateBetween(maxDate('2005-01-01', `${person.birthYear + 22}-01-01`), '2019-12-31');
    this.b.partyMembership(person.id, cell, from, 'OFFICIAL', addDays(from, -this.rng.int(0, 400)));
  }

  private residenceContact(person: Person, cell: Id, m: PlannedMember): void {
    this.workplaceParty(person);
    const since = required(m.since, 'since');
    const from = this.rng.dateBetween(maxDate('2020-01-02', addDays(since, 30)), m.latest);
    this.b.state.residenceContacts.push({
      id: this.b.nextId('contact'),
      personId: person.id,
      residenceCellId: cell,
      category: 'NORMAL',
      validFrom: from,
      validTo: null,
    });
  }

  /**
   * A cell with 9 or more official members throughout elects a committee (Party Charter art. 24):
   * one or two plain members become committee members alongside the secretary and deputy.
   */
  private cellCommittee(cell: Id): void {
    const from = '2020-06-15';
    const officialOn = (day: IsoDate): number =>
      new Set(
        this.b.state.partyMemberships
          .filter((p) => p.homeCellId === cell && p.status === 'OFFICIAL' && p.validFrom <= day && (p.validTo === null || day < p.validTo))
          .map((p) => p.personId),
      ).size;
    const days = new Set([
      from,
      ...this.b.state.partyMemberships.filter((p) => p.homeCellId === cell && p.validFrom > from).map((p) => p.validFrom),
    ]);
    if ([...days].some((d) => officialOn(d) < 9)) return;
    const plain = (this.plainMembers.get(cell) ?? []).filter((id) => (this.partyOfPerson.get(id)?.from ?? '9999') <= from);
    for (const id of plain.slice(0, this.rng.int(1, 2))) this.b.membership(id, cell, 'COMMITTEE_MEMBER', from);
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}
