import { addDays, type Id, type IsoDate, maxDate, type NominationOutcome, type NomineeCategory } from '@coso/domain';
import type { BoardPlan } from './buildings.js';
import { itemAt, Random } from './random.js';
import { WARDS, type WardSpec } from './spec.js';

/**
 * What a board member (or a nominee) is in the residential group's political system on 01/12/2022:
 * - P: party member of the group's cell, holding no post;
 * - B: party member of the group's cell holding a post (cell leadership, group head, …);
 * - S: holding a post, not a party member;
 * - R: a Regulation 213 member (home cell at the workplace, contact with the residence cell);
 * - O: none of these (most owners on a board).
 */
export type SeatKind = 'P' | 'B' | 'S' | 'R' | 'O';

export interface NominationPlan {
  by: 'WARD_PARTY_COMMITTEE' | 'RESIDENCE_CELL';
  category: NomineeCategory;
  on: IsoDate;
  outcome: NominationOutcome;
}

/** Someone who sits (or sat, or stood) on a board, before the person record exists. */
export interface PlannedMember {
  kind: SeatKind;
  board: BoardPlan;
  /** On the board from this day (undefined: never on it). */
  joinOn?: IsoDate;
  /** Off the board from this day. */
  leaveOn?: IsoDate;
  nomination?: NominationPlan;
  /** Their party membership, post or Regulation 213 contact starts no later than this. */
  latest: IsoDate;
  /** Index of the board's building they own an apartment in. */
  buildingIndex: number;
  /** Set once the person exists. */
  personId?: Id;
  /** The day they became owners (and residents) there; set with the person. */
  since?: IsoDate;
}

/** Political records of incumbents start by this day (before the review). */
export const INCUMBENT_LATEST = '2022-10-31';

export const isParty = (k: SeatKind): boolean => k === 'P' || k === 'B';
export const isPolitical = (k: SeatKind): boolean => k === 'P' || k === 'B' || k === 'S';

/** The day a board changed in the directive's first year: its establishment or its consolidation. */
export function changeDay(board: BoardPlan): IsoDate {
  if (board.story === 'ESTABLISHED') return board.establishedOn;
  if (board.story === 'CONSOLIDATED' && board.consolidatedOn) return board.consolidatedOn;
  throw new Error(`board ${board.id} has no change in the period`);
}

/**
 * Places each ward's quota (spec.ts) on its boards: elected nominees on the boards established or
 * consolidated in the year (each gets at least one), incumbents first on the stable boards, the
 * nominees who were not elected spread over the same boards. Boards NO_POLITICAL_SYSTEM get nobody.
 */
export function planSeats(boards: readonly BoardPlan[]): PlannedMember[] {
  const rng = Random.forPart('seats');
  const out: PlannedMember[] = [];
  for (const ward of WARDS)
    out.push(
      ...planWard(
        rng,
        ward,
        boards.filter((b) => b.ward === ward.key && b.story !== 'LATE'),
      ),
    );
  return out;
}

function planWard(rng: Random, ward: WardSpec, boards: readonly BoardPlan[]): PlannedMember[] {
  const q = ward.quota;
  const established = boards.filter((b) => b.story === 'ESTABLISHED');
  const consolidated = boards.filter((b) => b.story === 'CONSOLIDATED');
  const changed = [...established, ...consolidated];
  const stable = boards.filter((b) => b.story === 'STABLE' || b.story === 'EXPIRED');
  const out: PlannedMember[] = [];
  const nominationOn = (day: IsoDate): IsoDate => maxDate('2021-10-04', addDays(day, -rng.int(10, 40)));
  const buildingIndex = (board: BoardPlan): number => rng.int(0, board.buildings.length - 1);

  const needs = (count: number, what: string): void => {
    if (count > 0 && changed.length === 0) throw new Error(`${ward.key}: ${what} but no board changed in the period`);
  };

  // Elected nominees, interleaved so that each board gets a mix.
  const elected = interleave({ P: q.elected.party, S: q.elected.system, B: q.elected.both });
  needs(elected.length, 'elected nominees');
  elected.forEach((kind, i) => {
    const board = itemAt(changed, i % changed.length);
    const joinOn = changeDay(board);
    const on = nominationOn(joinOn);
    out.push({
      kind,
      board,
      joinOn,
      nomination: {
        by: 'WARD_PARTY_COMMITTEE',
        category: kind === 'S' ? 'POLITICAL_SYSTEM_MEMBER' : 'PARTY_MEMBER',
        on,
        outcome: 'ELECTED',
      },
      latest: addDays(on, -7),
      buildingIndex: buildingIndex(board),
    });
  });

  // Incumbents: one on each stable board, then on consolidated boards that have nobody yet, then round the others.
  const incumbents: SeatKind[] = [
    ...repeat<SeatKind>('S', q.incumbent.system),
    ...repeat<SeatKind>('P', q.incumbent.party),
    ...repeat<SeatKind>('B', q.incumbent.both),
  ];
  const withPolitical = new Set(out.map((m) => m.board.id));
  const targets = [...stable, ...consolidated.filter((b) => !withPolitical.has(b.id))];
  const cycle = [...stable, ...consolidated];
  incumbents.forEach((kind, i) => {
    const board = i < targets.length ? itemAt(targets, i) : itemAt(cycle, (i - targets.length) % cycle.length);
    out.push({ kind, board, joinOn: board.establishedOn, latest: INCUMBENT_LATEST, buildingIndex: buildingIndex(board) });
  });

  // Nominees who were not elected, and Regulation 213 members introduced (elected or not).
  let offset = 1;
  const nominee = (kind: SeatKind, category: NomineeCategory, by: NominationPlan['by'], outcome: NominationOutcome): void => {
    needs(1, 'nominees');
    const board = itemAt(changed, offset++ % changed.length);
    const day = changeDay(board);
    const on = nominationOn(day);
    out.push({
      kind,
      board,
      ...(outcome === 'ELECTED' ? { joinOn: day } : {}),
      nomination: { by, category, on, outcome },
      latest: addDays(on, -7),
      buildingIndex: buildingIndex(board),
    });
  };
  for (let i = 0; i < q.notElected.party; i++) nominee('P', 'PARTY_MEMBER', 'WARD_PARTY_COMMITTEE', 'NOT_ELECTED');
  for (let i = 0; i < q.notElected.system; i++) nominee('S', 'POLITICAL_SYSTEM_MEMBER', 'WARD_PARTY_COMMITTEE', 'NOT_ELECTED');
  const [byCommitteeElected, byCommitteeNot] = q.contacts.byCommittee;
  const [byCellsElected, byCellsNot] = q.contacts.byCells;
  for (let i = 0; i < byCommitteeElected; i++) nominee('R', 'RESIDENCE_CONTACT_MEMBER', 'WARD_PARTY_COMMITTEE', 'ELECTED');
  for (let i = 0; i < byCommitteeNot; i++) nominee('R', 'RESIDENCE_CONTACT_MEMBER', 'WARD_PARTY_COMMITTEE', 'NOT_ELECTED');
  for (let i = 0; i < byCellsElected; i++) nominee('R', 'RESIDENCE_CONTACT_MEMBER', 'RESIDENCE_CELL', 'ELECTED');
  for (let i = 0; i < byCellsNot; i++) nominee('R', 'RESIDENCE_CONTACT_MEMBER', 'RESIDENCE_CELL', 'NOT_ELECTED');

  // Nominations of the year for the 2023 conference of the board whose term lapsed.
  if (q.laterConference) {
    const board = boards.find((b) => b.story === 'EXPIRED');
    if (!board?.nextTermOn) throw new Error(`${ward.key}: a later conference needs an EXPIRED board`);
    const later = (kind: 'P' | 'S', elected: boolean): void => {
      const on = rng.dateBetween('2022-10-20', '2022-11-25');
      out.push({
        kind,
        board,
        ...(elected && board.nextTermOn ? { joinOn: board.nextTermOn } : {}),
        nomination: {
          by: 'WARD_PARTY_COMMITTEE',
          category: kind === 'P' ? 'PARTY_MEMBER' : 'POLITICAL_SYSTEM_MEMBER',
          on,
          outcome: elected ? 'ELECTED' : 'NOT_ELECTED',
        },
        latest: addDays(on, -7),
        buildingIndex: 0,
      });
    };
    const [pe, pn] = q.laterConference.party;
    const [se, sn] = q.laterConference.system;
    for (let i = 0; i < pe; i++) later('P', true);
    for (let i = 0; i < pn; i++) later('P', false);
    for (let i = 0; i < se; i++) later('S', true);
    for (let i = 0; i < sn; i++) later('S', false);
  }
  return out;
}

function repeat<T>(value: T, n: number): T[] {
  return Array.from({ length: n }, () => value);
}

/** P, S, B, P, S, B, … while each lasts. */
function interleave(counts: Record<'P' | 'S' | 'B', number>): SeatKind[] {
  const left = { ...counts };
  const out: SeatKind[] = [];
  while (left.P + left.S + left.B > 0) {
    for (const k of ['P', 'S', 'B'] as const) {
      if (left[k] > 0) {
        out.push(k);
        left[k] -= 1;
      }
    }
  }
  return out;
}
