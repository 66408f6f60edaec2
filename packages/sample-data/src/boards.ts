import {
  addDays,
  addWorkingDays,
  addYears,
  type BoardTerm,
  establishmentDate,
  type Id,
  type IsoDate,
  minDate,
  type Role,
  yearOf,
} from '@coso/domain';
import type { DatasetBuilder } from './builder.js';
import type { BoardPlan } from './buildings.js';
import { DIRECTIVE_ID, DISTRICT_PEOPLES_COMMITTEE_ID, newWardPeoplesCommitteeId } from './ids.js';
import { itemAt, Random, required } from './random.js';
import { isParty, type PlannedMember, type SeatKind } from './seats.js';
import { newWardOfGroup } from './spec.js';

/** From this day boards are recognised by the ward's People's Committee (the districts are gone). */
export const WARD_RECOGNITION_FROM = '2025-07-01';
/** Term chains are recorded until a term runs past this day. */
const TERMS_UNTIL = '2027-01-01';

/** One seat on a board over a period. */
interface Seat {
  personId: Id;
  kind: SeatKind;
  role: Role;
  from: IsoDate;
  to: IsoDate | null;
  buildingIndex: number;
}

/** What later parts need to know about a board once built. */
export interface BuiltBoard {
  plan: BoardPlan;
  seats: readonly Seat[];
  /** Board terms whose recognition was decided from 1/7/2025: recorded after the reorganisation. */
  laterTerms: BoardTerm[];
}

/** People of a board on a day, by role. */
export function seatsOn(board: BuiltBoard, day: IsoDate): Seat[] {
  return board.seats.filter((s) => s.from <= day && (s.to === null || day < s.to));
}

/**
 * Builds every board: the body, its members over time (owners of an apartment in the building),
 * its terms with their recognition decisions, and its establishment and consolidation records.
 */
export class Boards {
  private readonly rng = Random.forPart('boards');
  private readonly apartmentNumbers = new Map<Id, Set<string>>();
  private readonly decisionNumbers = new Map<number, number>();

  constructor(
    private readonly b: DatasetBuilder,
    private readonly planned: readonly PlannedMember[],
  ) {}

  build(plans: readonly BoardPlan[]): BuiltBoard[] {
    return plans.map((plan) => this.board(plan));
  }

  private board(plan: BoardPlan): BuiltBoard {
    const rng = this.rng;
    const first = itemAt(plan.buildings, 0).building;
    this.b.organization(
      plan.id,
      'MANAGEMENT_BOARD',
      plan.name,
      plan.establishedOn,
      plan.complexId ? { complexId: plan.complexId } : { buildingId: first.id },
    );
    const headPost = this.b.post(plan.id, 'HEAD', 'Trưởng ban quản trị', plan.establishedOn);
    const planned = this.planned.filter((m) => m.board.id === plan.id);
    for (const m of planned) this.own(plan, required(m.personId, 'planned person'), m.buildingIndex, required(m.since, 'since'), null);

    const complex = plan.complexId !== undefined;
    const minSize = complex ? 6 : first.blockCount > 1 ? first.blockCount : 3;
    const target = Math.max(minSize, complex ? 7 : first.apartmentCount > 500 ? 7 : first.apartmentCount >= 150 ? 5 : 3);
    const deputies = target >= 6 ? 2 : 1;
    const seats: Seat[] = [];
    const est = plan.establishedOn;
    let oIndex = 0;
    const other = (from: IsoDate, to: IsoDate | null, role: Role = 'MEMBER', sold = false): Seat => {
      const buildingIndex = oIndex++ % plan.buildings.length;
      const building = itemAt(plan.buildings, buildingIndex).building;
      const lower = required(building.handoverStartedOn, `handover of ${building.id}`);
      const since = rng.dateBetween(lower, minDate(addDays(from, -1), addDays(lower, 900)));
      const person = this.b.person({ male: 0.55, born: [1955, 1992], residenceUnitId: plan.groupId });
      this.own(plan, person.id, buildingIndex, since, sold && to !== null ? to : null);
      return { personId: person.id, kind: 'O', role, from, to, buildingIndex };
    };
    const seat = (m: PlannedMember, role: Role, from: IsoDate, to: IsoDate | null = null): Seat => ({
      personId: required(m.personId, 'planned person'),
      kind: m.kind,
      role,
      from,
      to,
      buildingIndex: m.buildingIndex,
    });

    const joiningOn = (day: IsoDate | undefined) => planned.filter((m) => m.joinOn !== undefined && m.joinOn === day);
    if (plan.story === 'CONSOLIDATED') {
      const on = required(plan.consolidatedOn, 'consolidation day');
      const incumbents = joiningOn(est);
      const joiners = joiningOn(on);
      const partyJoiners = joiners.filter((m) => isParty(m.kind));
      const replaceHead = partyJoiners.length > 0 && rng.chance(0.5);
      const leaving = joiners.length >= 2 ? 2 : 1;
      const newOthers = joiners.length === 0 ? leaving : 0;
      const staying = Math.max(
        0,
        target - incumbents.length - joiners.length - newOthers,
        minSize - incumbents.length - leaving,
        (replaceHead ? deputies : deputies + 1) - incumbents.length,
        complex ? deputies + 1 : 0,
      );
      // Deputies first (on a complex board, one per building), then the head, then members.
      const stayingSeats = Array.from({ length: staying }, (_, i) => other(est, null, i < deputies ? 'DEPUTY_HEAD' : 'MEMBER'));
      const incumbentSeats = incumbents.map((m) => seat(m, 'MEMBER', est));
      const core = [...stayingSeats, ...incumbentSeats];
      let deputiesSet = core.filter((s) => s.role === 'DEPUTY_HEAD').length;
      for (const s of core) {
        if (deputiesSet >= deputies || s.role !== 'MEMBER' || s.kind === 'O') continue;
        s.role = 'DEPUTY_HEAD';
        deputiesSet += 1;
      }
      const leavers = Array.from({ length: leaving }, () => other(est, on, 'MEMBER', rng.chance(0.5)));
      if (replaceHead) {
        itemAt(leavers, 0).role = 'HEAD';
        const newHead = itemAt(partyJoiners, 0);
        seats.push(
          ...core,
          ...leavers,
          seat(newHead, 'HEAD', on),
          ...joiners.filter((m) => m !== newHead).map((m) => seat(m, 'MEMBER', on)),
        );
      } else {
        const head = required(
          core.find((s) => s.role === 'MEMBER'),
          'a head',
        );
        head.role = 'HEAD';
        seats.push(...core, ...leavers, ...joiners.map((m) => seat(m, 'MEMBER', on)));
      }
      for (let i = 0; i < newOthers; i++) seats.push(other(on, null));
      const added = joiners.length + newOthers;
      this.b.state.boardChanges.push({
        id: this.b.nextId('board-change'),
        boardId: plan.id,
        kind: 'CONSOLIDATION',
        on,
        decisionNumber: this.decisionNumber(on),
        directiveId: DIRECTIVE_ID,
        note: `Rà soát, kiện toàn: ${leaving} thành viên thôi tham gia, bổ sung ${added} thành viên${replaceHead ? '; bầu trưởng ban mới' : ''}.`,
      });
    } else {
      // Established in the year, in 2023, or older and unchanged in the year: everyone from the first conference.
      const founders = joiningOn(est);
      const party = founders.filter((m) => isParty(m.kind));
      const partyHead = plan.story === 'ESTABLISHED' && party.length > 0 && rng.chance(0.6) ? itemAt(party, 0) : undefined;
      const others = Math.max(
        target - founders.length,
        (partyHead ? deputies : deputies + 1) - (founders.length - (partyHead ? 1 : 0)),
        complex ? deputies + 1 : 0,
        0,
      );
      const otherSeats = Array.from({ length: others }, (_, i) => other(est, null, i < deputies ? 'DEPUTY_HEAD' : 'MEMBER'));
      const founderSeats = founders.map((m) => seat(m, m === partyHead ? 'HEAD' : 'MEMBER', est));
      const all = [...otherSeats, ...founderSeats];
      let deputiesSet = all.filter((s) => s.role === 'DEPUTY_HEAD').length;
      for (const s of all) {
        if (deputiesSet >= deputies || s.role !== 'MEMBER') continue;
        s.role = 'DEPUTY_HEAD';
        deputiesSet += 1;
      }
      if (!partyHead)
        required(
          all.find((s) => s.role === 'MEMBER'),
          'a head',
        ).role = 'HEAD';
      seats.push(...all);
      // A few stable boards replaced a member before the directive (not counted by its report).
      if (plan.story === 'STABLE' && est < '2020-01-01' && rng.chance(0.35)) {
        const leaver = seats.find((s) => s.kind === 'O' && s.role === 'MEMBER' && s.to === null);
        if (leaver) {
          const day = rng.dateBetween(addDays(est, 400), '2021-06-30');
          leaver.to = day;
          seats.push(other(day, null));
          this.b.state.boardChanges.push({
            id: this.b.nextId('board-change'),
            boardId: plan.id,
            kind: 'CONSOLIDATION',
            on: day,
            decisionNumber: this.decisionNumber(day),
            directiveId: null,
            note: 'Kiện toàn: thay 1 thành viên chuyển nơi ở.',
          });
        }
      }
      // The board whose term lapsed elects its next term in 2023, with some of the year's nominees.
      if (plan.nextTermOn) {
        const later = joiningOn(plan.nextTermOn);
        const leaver = seats.find((s) => s.kind === 'O' && s.role === 'MEMBER' && s.to === null);
        if (leaver && later.length > 0) leaver.to = plan.nextTermOn;
        seats.push(...later.map((m) => seat(m, 'MEMBER', plan.nextTermOn ?? est)));
      }
    }

    for (const s of seats) {
      this.b.membership(s.personId, plan.id, s.role, s.from, s.to, {
        ...(s.role === 'HEAD' ? { postId: headPost } : {}),
        ...(complex ? { buildingId: itemAt(plan.buildings, s.buildingIndex).building.id } : {}),
      });
    }
    const laterTerms = this.terms(plan);
    return { plan, seats, laterTerms };
  }

  /** An apartment in the board's building (its number unique in the building) and its ownership. */
  private own(plan: BoardPlan, personId: Id, buildingIndex: number, since: IsoDate, until: IsoDate | null): void {
    const rng = this.rng;
    const record = itemAt(plan.buildings, buildingIndex);
    const building = record.building;
    const used = this.apartmentNumbers.get(building.id) ?? new Set<string>();
    this.apartmentNumbers.set(building.id, used);
    const floors = Math.max(5, Math.min(35, Math.round(building.apartmentCount / (building.blockCount * 8))));
    let number = '';
    let blockId: Id | undefined;
    do {
      const block = record.blockIds.length > 0 ? rng.int(0, record.blockIds.length - 1) : -1;
      blockId = block >= 0 ? record.blockIds[block] : undefined;
      const unit = `${rng.int(2, floors)}${String(rng.int(1, 8)).padStart(2, '0')}`;
      number = block >= 0 ? `${'ABC'.charAt(block)}-${unit}` : unit;
    } while (used.has(number));
    used.add(number);
    const apartmentId = `apartment-${building.id.replace(/^building-/, '')}-${number}`;
    const handedOverOn = rng.dateBetween(required(building.handoverStartedOn, 'handover'), since);
    this.b.state.apartments.push({ id: apartmentId, buildingId: building.id, ...(blockId ? { blockId } : {}), number, handedOverOn });
    this.b.state.ownerships.push({
      id: this.b.nextId('ownership'),
      apartmentId,
      personId,
      kind: rng.chance(0.94) ? 'OWNER' : 'AUTHORISED_USER',
      validFrom: since,
      validTo: until,
    });
  }

  /**
   * Terms of 3 years from the first conference, each next one elected as the last ends, until one runs
   * past 2026. An EXPIRED board's term lapses in 2022 and the next is elected only in 2023. Each
   * term is recognised within the legal deadlines by the district People's Committee, or from 1/7/2025
   * by the People's Committee of the board's new ward (those terms are returned, to be recorded after
   * the reorganisation that creates that committee).
   */
  private terms(plan: BoardPlan): BoardTerm[] {
    const rng = this.rng;
    const later: BoardTerm[] = [];
    let from = plan.establishedOn;
    let k = 1;
    const push = (validFrom: IsoDate, validTo: IsoDate): void => {
      const filedOn = addDays(validFrom, rng.int(2, 9));
      const decidedOn = addWorkingDays(filedOn, rng.int(2, 7));
      const issuerId =
        decidedOn < WARD_RECOGNITION_FROM ? DISTRICT_PEOPLES_COMMITTEE_ID : newWardPeoplesCommitteeId(newWardOfGroup(plan.ward, plan.n));
      const term: BoardTerm = {
        id: `term-${plan.id}-${k}`,
        boardId: plan.id,
        termNumber: k,
        electedOn: validFrom,
        validFrom,
        validTo,
        recognition: { filedOn, decisionNumber: this.decisionNumber(decidedOn), decidedOn, issuerId },
      };
      if (k === 1) {
        this.b.state.boardChanges.push({
          id: this.b.nextId('board-change'),
          boardId: plan.id,
          kind: 'ESTABLISHMENT',
          on: establishmentDate(term),
          decisionNumber: term.recognition?.decisionNumber ?? null,
          directiveId: plan.story === 'ESTABLISHED' || plan.story === 'LATE' ? DIRECTIVE_ID : null,
          note: 'Công nhận Ban quản trị nhiệm kỳ đầu do hội nghị nhà chung cư lần đầu bầu ra.',
        });
      }
      if (decidedOn < WARD_RECOGNITION_FROM) this.b.state.boardTerms.push(term);
      else later.push(term);
      k += 1;
    };
    if (plan.nextTermOn) {
      while (addYears(from, 3) <= plan.nextTermOn) {
        push(from, addYears(from, 3));
        from = addYears(from, 3);
      }
      from = plan.nextTermOn;
    }
    for (;;) {
      const to = addDays(addYears(from, 3), -rng.int(0, 20));
      push(from, to);
      if (to > TERMS_UNTIL) break;
      from = to;
    }
    return later;
  }

  /** "1234/QĐ-UBND", numbered per year. */
  private decisionNumber(on: IsoDate): string {
    const year = yearOf(on);
    const n = this.decisionNumbers.get(year) ?? 100 + this.rng.int(0, 400);
    this.decisionNumbers.set(year, n + this.rng.int(3, 40));
    return `${n}/QĐ-UBND`;
  }
}
