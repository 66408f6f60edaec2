import { z } from 'zod';
import { createPeriodShape, dateField, idField, optionalIdField, optionalTextField } from '../inputs/fields.js';

/**
 * A management board as officials list it: one row per board — the building (or complex), the
 * election and term, the head, the deputies and the members (several citizen IDs in one cell).
 * The import turns a row into the `establishBoard` workflow's input (`toEstablishBoardInput`), so
 * the board is established with its term, members and establishment record, and checked by the
 * same rules (size, composition, owners, one board per building) as a board established by hand.
 */
export const boardRowInput = z.object({
  buildingId: optionalIdField,
  complexId: optionalIdField,
  name: optionalTextField,
  electedOn: dateField,
  ...createPeriodShape,
  validTo: dateField,
  decisionNumber: optionalTextField,
  headId: idField,
  deputyIds: z.array(idField).optional(),
  memberIds: z.array(idField).optional(),
});
/** One board of the boards import sheet, as read and checked: building or complex, term, and its people by role. */
export type BoardRow = z.output<typeof boardRowInput>;

/** The row as `establishBoardInput` takes it: the head, then the deputies, then the members, each with their role. */
export function toEstablishBoardInput(row: Record<string, unknown>): Record<string, unknown> {
  const { headId, deputyIds, memberIds, ...board } = row;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  return {
    ...board,
    members: [
      ...(headId === undefined ? [] : [{ personId: headId, role: 'HEAD' }]),
      ...list(deputyIds).map((personId) => ({ personId, role: 'DEPUTY_HEAD' })),
      ...list(memberIds).map((personId) => ({ personId, role: 'MEMBER' })),
    ],
  };
}
