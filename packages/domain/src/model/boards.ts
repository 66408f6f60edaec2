import type { z } from 'zod';
import type { createBoardChangeInput, createBoardTermInput, recognitionDecisionInput } from '../inputs/boards.js';
import type { IsoDate } from '../time/dates.js';
import type { StoredRecord } from './stored-record.js';

/**
 * A term (nhiệm kỳ) of a management board, elected by a building conference. The board itself
 * is an `Organization` of kind MANAGEMENT_BOARD; members are `Membership`s of that body.
 * `validFrom`/`validTo` is the term (3 years by law); `validTo` is the planned end, required on
 * create, typed as every stored period is.
 */
export type BoardTerm = StoredRecord<typeof createBoardTermInput>;

/** The People's Committee decision recognising an elected board (Quyết định công nhận). */
export type RecognitionDecision = z.output<typeof recognitionDecisionInput>;

/**
 * The day a board counts as established (thành lập): the People's Committee's decision recognising
 * its first term, which is what makes an elected board a board (Circular 05/2024/TT-BXD); a first
 * term not recognised yet dates the establishment at its election. The report's "boards established"
 * figure counts ESTABLISHMENT changes by this day, so every writer (the establishBoard workflow, the
 * sample data, imports) dates them with this function.
 */
export function establishmentDate(firstTerm: Pick<BoardTerm, 'electedOn' | 'recognition'>): IsoDate {
  return firstTerm.recognition?.decidedOn ?? firstTerm.electedOn;
}

/**
 * What a board change records: a board newly established (thành lập mới) or reviewed and consolidated
 * (rà soát, kiện toàn).
 */
export const BOARD_CHANGE_KINDS = ['ESTABLISHMENT', 'CONSOLIDATION'] as const;
/** A kind of board change (see `BOARD_CHANGE_KINDS`). */
export type BoardChangeKind = (typeof BOARD_CHANGE_KINDS)[number];

/**
 * The directive's two board workflows: establishing a board for the first time (thành lập mới) and
 * reviewing and consolidating one (rà soát, kiện toàn: replacing or adding members).
 */
export type BoardChange = StoredRecord<typeof createBoardChangeInput>;
