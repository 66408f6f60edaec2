import type { Id } from '../model/places.js';
import type { FindingsContext } from './context.js';
import { FINDING_MESSAGES } from './messages.js';
import type { Finding } from './types.js';

/**
 * BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: a board alive on the date, in scope, none of whose members
 * on the date is a party member of a residential-group cell or a political-system post holder on
 * the date. A board with no recorded member on the date is reported too: it has none.
 */
export function boardsWithoutPoliticalSystemMember(ctx: FindingsContext): Finding[] {
  const ps = ctx.idx.politicalSystem;
  const out: Finding[] = [];
  for (const { board, groupId } of ctx.boardsInScope()) {
    const members = ctx.idx.boards.membersOn(board.id, ctx.on);
    if ([...members].some((p) => ps.isInPoliticalSystemOn(p, ctx.on))) continue;
    out.push(
      ctx.finding({
        code: 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER',
        entity: { type: 'Organization', id: board.id },
        entityName: board.name,
        groupId,
        message: FINDING_MESSAGES.BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER({ board: board.name, members: members.size }),
      }),
    );
  }
  return out;
}

/**
 * BOARD_TERM_EXPIRED: a board alive on the date, in scope, with no term running on the date whose
 * latest term (the last one started by the date) has ended (validTo ≤ date). A board with no
 * recorded term is not reported here.
 */
export function boardsWithExpiredTerm(ctx: FindingsContext): Finding[] {
  const out: Finding[] = [];
  for (const { board, groupId } of ctx.boardsInScope()) {
    const { latest, expired } = ctx.idx.boards.termStatusOn(board.id, ctx.on);
    if (!expired || !latest || latest.validTo === null) continue;
    out.push(
      ctx.finding({
        code: 'BOARD_TERM_EXPIRED',
        entity: { type: 'Organization', id: board.id },
        entityName: board.name,
        groupId,
        related: [{ type: 'BoardTerm', id: latest.id }],
        message: FINDING_MESSAGES.BOARD_TERM_EXPIRED({ board: board.name, termNumber: latest.termNumber, endedOn: latest.validTo }),
      }),
    );
  }
  return out;
}

/**
 * BOARD_HEAD_WITHOUT_FIRE_TRAINING: the HEAD of a board alive on the date, in scope, who attended no
 * training covering FIRE_SAFETY held on or before the date. One finding per (board, head): the
 * entity is the person and the board is named, so each ward sees the heads of its own boards.
 */
export function boardHeadsWithoutFireTraining(ctx: FindingsContext): Finding[] {
  const trained = fireTrainedPeople(ctx);
  const out: Finding[] = [];
  for (const { board, groupId } of ctx.boardsInScope()) {
    for (const personId of ctx.idx.boards.headsOn(board.id, ctx.on)) {
      if (trained.has(personId)) continue;
      const name = ctx.personName(personId);
      out.push(
        ctx.finding({
          code: 'BOARD_HEAD_WITHOUT_FIRE_TRAINING',
          entity: { type: 'Person', id: personId },
          entityName: name,
          groupId,
          related: [{ type: 'Organization', id: board.id }],
          message: FINDING_MESSAGES.BOARD_HEAD_WITHOUT_FIRE_TRAINING({ head: name, board: board.name }),
        }),
      );
    }
  }
  return out;
}

/** People who attended a FIRE_SAFETY training held on or before the date. */
function fireTrainedPeople(ctx: FindingsContext): Set<Id> {
  const fireTrainings = new Set(ctx.state.trainings.filter((t) => t.topics.includes('FIRE_SAFETY') && t.heldOn <= ctx.on).map((t) => t.id));
  return new Set(ctx.state.trainingAttendances.filter((a) => fireTrainings.has(a.trainingId)).map((a) => a.personId));
}
