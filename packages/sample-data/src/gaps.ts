import type { FindingCode, Id, IsoDate } from '@coso/domain';
import { boardIdOfBuilding, buildingId, cellId, REVIEW_DATE, residentialGroupId } from './ids.js';
import { GROUP_WITHOUT_CELL_LATER, WARDS } from './spec.js';

/** A gap left in the data on purpose, for `computeFindings` to show. */
export interface DeliberateGap {
  code: FindingCode;
  /**
   * The record the finding is about. For BOARD_HEAD_WITHOUT_FIRE_TRAINING the finding's entity is the
   * head (a person); this is the board, which the finding lists under `related`.
   */
  entityId: Id;
  /** The date the finding shows (the review, or later for the group without a cell). */
  on: IsoDate;
  why: string;
}

/** The day the group without a cell shows: a year after the review, the building handed over, no cell yet. */
export const GROUP_WITHOUT_CELL_ON = '2023-12-01';

/**
 * Every deliberate gap, derived from the spec (spec.ts), so the list and the data cannot drift
 * apart. On 01/12/2022 every finding code but GROUP_WITHOUT_CELL shows; that one cannot show on
 * that day, because the article's "49 chi bộ/49 tổ dân phố" says every group with a building had a
 * cell, and the finding and the figure count the same groups. It shows on 01/12/2023 instead.
 */
export function deliberateGaps(): DeliberateGap[] {
  const out: DeliberateGap[] = [];
  for (const ward of WARDS) {
    for (const group of ward.apartmentGroups) {
      group.buildings.forEach((b, i) => {
        const building = buildingId(ward.key, group.n, i + 1);
        const board = boardIdOfBuilding(building);
        if (b.story === 'NO_BOARD_YET')
          out.push({
            code: 'BUILDING_WITHOUT_BOARD',
            entityId: building,
            on: REVIEW_DATE,
            why: 'Handed over in 2022; the first building conference (due within 12 months of half the apartments being handed over) is held in 2023.',
          });
        if (b.story === 'NO_POLITICAL_SYSTEM')
          out.push({
            code: 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER',
            entityId: board,
            on: REVIEW_DATE,
            why: 'An older board, not reviewed in the year, whose members are owners with no party membership or post in the group.',
          });
        if (b.story === 'EXPIRED')
          out.push({
            code: 'BOARD_TERM_EXPIRED',
            entityId: board,
            on: REVIEW_DATE,
            why: 'Its term ended in 2022; the conference electing the next term is held only in 2023.',
          });
        if (b.untrainedHead)
          out.push({
            code: 'BOARD_HEAD_WITHOUT_FIRE_TRAINING',
            entityId: board,
            on: REVIEW_DATE,
            why: 'The head attended no fire-safety (PCCC) course by the review (the article asks for more training of board heads).',
          });
      });
      if (group.weakCell)
        out.push({
          code: 'CELL_MIN_OFFICIAL_MEMBERS',
          entityId: cellId(ward.key, group.n),
          on: REVIEW_DATE,
          why: 'Founded in June 2022 in a new apartment area with 2 official members and 1 probationary member (official from July 2023).',
        });
      if (group.noRegulation)
        out.push({
          code: 'GROUP_WITHOUT_COORDINATION_REGULATION',
          entityId: residentialGroupId(ward.key, group.n),
          on: REVIEW_DATE,
          why:
            group.noRegulation === 'SIGNED_2023'
              ? 'No coordination regulation between the group head and the board yet; signed in 2023.'
              : 'No coordination regulation between the group head and the board, still missing.',
        });
    }
  }
  out.push({
    code: 'GROUP_WITHOUT_CELL',
    entityId: residentialGroupId(GROUP_WITHOUT_CELL_LATER.ward, GROUP_WITHOUT_CELL_LATER.n),
    on: GROUP_WITHOUT_CELL_ON,
    why: 'Its three party members attend a neighbouring group’s cell; a building is handed over there in 2023; its own cell is founded on 01/03/2024.',
  });
  return out;
}
