import {
  type BoardTerm,
  checkBoardTerm,
  createBoardChangeInput,
  createBoardTermInput,
  isUuid,
  periodsOverlap,
  type RecognitionDecision,
  updateBoardChangeInput,
  updateBoardTermInput,
  type Violation,
} from '@coso/domain';
import { fromDbDate } from '../store/db-dates.js';
import { loadSlice } from '../store/load-slice.js';
import { BoardChangeRef, BoardTermRef } from './boards.js';
import { builder } from './builder.js';
import { registerEntityMutations } from './entity-mutations.js';
import { BoardChangeKind } from './enums.js';
import { checkRefs, invalid, others, period } from './records-mutations-support.js';
import { references } from './references.js';

/**
 * Boards: a management board's terms (with the People's Committee's recognition decision) and the
 * records of its establishment and consolidations. The workflows `establishBoard` and
 * `consolidateBoard` write these together with the members; these mutations record or correct one
 * record at a time (e.g. a board's second term, a decision number found later).
 */

const BOARD = {
  typename: 'Organization',
  label: { vi: 'Ban quản trị', en: 'Management board' },
  kinds: ['MANAGEMENT_BOARD'],
};

/**
 * The recognition decision, nested as the domain's input has it (createBoardTermInput): given
 * whole or not at all, so its rules see every part; null on update clears it. The BoardTerm
 * type reads it back flat (recognitionDecisionNumber, …), as the table stores it.
 */
export const BoardTermRecognitionInput = builder.inputType('BoardTermRecognitionInput', {
  description: 'Quyết định công nhận Ban quản trị / The People’s Committee decision recognising the elected board.',
  fields: (t) => ({
    filedOn: t.field({ type: 'Date', required: false, description: 'Ngày đề nghị công nhận / Filed for recognition (within 10 days).' }),
    decisionNumber: t.string({ required: true, description: 'Số quyết định / Decision number.' }),
    decidedOn: t.field({ type: 'Date', required: true, description: 'Ngày quyết định / Decision date.' }),
    issuerId: t.id({
      required: true,
      description: 'UBND ra quyết định / The People’s Committee (Organization) that decided.',
      extensions: references('Organization'),
    }),
  }),
});

registerEntityMutations({
  noun: 'BoardTerm',
  typename: 'BoardTerm',
  ref: BoardTermRef,
  fields: {
    boardId: { type: 'ID', required: true, idOf: 'Organization', description: 'Ban quản trị / The management board.' },
    termNumber: { type: 'Int', required: true, description: 'Nhiệm kỳ thứ / Term number (1, 2, …), once per board.' },
    electedOn: { type: 'Date', required: true, description: 'Ngày hội nghị nhà chung cư bầu / Date of the electing conference.' },
    recognition: {
      type: BoardTermRecognitionInput,
      fields: { issuerId: { type: 'ID', idOf: 'Organization' } },
      description: 'Quyết định công nhận / Recognition decision, once there is one.',
    },
    ...period,
  },
  createSchema: createBoardTermInput,
  updateSchema: updateBoardTermInput,
  endable: true,
  check: async (tx, rec) => {
    const validFrom = String(rec.validFrom);
    const validTo = (rec.validTo as string | null | undefined) ?? null;
    const refs = await checkRefs(tx, rec, { boardId: BOARD }, validFrom);
    const out: Violation[] = [...refs.violations];
    const recognition = (rec.recognition as RecognitionDecision | null | undefined) ?? null;
    // The term's length (≤ 3 years, with an end), the recognition deadlines and the issuing level on the decision date.
    const issuerId = recognition && isUuid(recognition.issuerId) ? recognition.issuerId : null;
    const orgIds = [String(rec.boardId), ...(issuerId ? [issuerId] : [])];
    const slice = await loadSlice(tx, {
      organizations: { id: { in: orgIds } },
      organizationAreas: { organizationId: issuerId ?? { in: [] } },
    });
    const places = await loadSlice(tx, { units: { id: { in: slice.organizationAreas.map((a) => a.unitId) } } });
    slice.units = places.units;
    const term: BoardTerm = {
      id: rec.id,
      boardId: String(rec.boardId),
      termNumber: Number(rec.termNumber),
      electedOn: String(rec.electedOn),
      validFrom,
      validTo,
      recognition,
    };
    out.push(...checkBoardTerm(slice, term));
    // One term per number, and a board's terms follow each other without overlapping.
    for (const other of await others(tx, 'boardTerm', { boardId: rec.boardId }, rec.id)) {
      const p = {
        validFrom: fromDbDate(other.validFrom as Date),
        validTo: other.validTo instanceof Date ? fromDbDate(other.validTo) : null,
      };
      if (other.termNumber === term.termNumber) {
        out.push(
          invalid(
            ['termNumber'],
            `Ban quản trị đã có nhiệm kỳ ${term.termNumber} (từ ${p.validFrom}); hãy sửa nhiệm kỳ đó hoặc dùng số khác.`,
            `The board already has term ${term.termNumber} (from ${p.validFrom}); correct that one or use another number.`,
          ),
        );
      } else if (periodsOverlap(p, { validFrom, validTo })) {
        out.push(
          invalid(
            ['validFrom'],
            `Nhiệm kỳ ${term.termNumber} trùng thời gian với nhiệm kỳ ${String(other.termNumber)} (từ ${p.validFrom}${p.validTo ? ` đến trước ${p.validTo}` : ''}).`,
            `Term ${term.termNumber} overlaps term ${String(other.termNumber)} (from ${p.validFrom}${p.validTo ? ` until before ${p.validTo}` : ''}).`,
          ),
        );
      }
    }
    return out;
  },
});

registerEntityMutations({
  noun: 'BoardChange',
  typename: 'BoardChange',
  ref: BoardChangeRef,
  fields: {
    boardId: { type: 'ID', required: true, idOf: 'Organization', description: 'Ban quản trị / The management board.' },
    kind: { type: BoardChangeKind, required: true },
    on: { type: 'Date', required: true },
    decisionNumber: { type: 'String', description: 'Số quyết định / Decision number.' },
    directiveId: { type: 'ID', idOf: 'Directive', description: 'Văn bản chỉ đạo / The directive this work counts for.' },
    note: { type: 'String' },
  },
  createSchema: createBoardChangeInput,
  updateSchema: updateBoardChangeInput,
  endable: false,
  check: async (tx, rec) =>
    (
      await checkRefs(
        tx,
        rec,
        { boardId: BOARD, directiveId: { typename: 'Directive', label: { vi: 'Văn bản chỉ đạo', en: 'Directive' } } },
        String(rec.on),
      )
    ).violations,
});
