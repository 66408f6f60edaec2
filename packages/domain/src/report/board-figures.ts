import type { BoardChangeKind } from '../model/boards.js';
import type { Id } from '../model/places.js';
import type { ReportContext } from './context.js';
import { type Counted, countedAt, type FigureData, type FigureSpec } from './figure.js';

/**
 * Distinct boards with a change of `kind` dated in [from, to], lying in the scope (by their
 * buildings, on `to`; on the change date if the building's group no longer exists on `to`).
 * Changes recorded under another directive are that directive's, not this one's.
 */
function boardsWithChange(ctx: ReportContext, kind: BoardChangeKind): FigureData {
  const records: Counted[] = [];
  for (const change of ctx.state.boardChanges) {
    if (change.kind !== kind || !ctx.inPeriod(change.on) || !ctx.forThisDirective(change.directiveId)) continue;
    const board = ctx.idx.boards.board(change.boardId);
    if (!board) continue;
    const location = ctx.placeBoard(board, change.on);
    if (location.kind === 'in') records.push(countedAt(ctx.organizationRef(board), location));
  }
  return { records };
}

export const boardsEstablished: FigureSpec = {
  key: 'boardsEstablished',
  label: { vi: 'Ban quản trị nhà chung cư được thành lập mới', en: 'Management boards newly established' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số Ban quản trị khác nhau có quyết định thành lập mới ngày từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày), thuộc phạm vi theo nhà chung cư của Ban; tính ở phường của nhà chung cư. Việc thành lập ghi theo thông tri khác không tính.`,
    en: `Distinct management boards with an ESTABLISHMENT change dated ${p.from} to ${p.to} (both included), within the scope by the building(s) they manage, counted in that building's ward. Changes recorded under another directive are excluded.`,
  }),
  compute: (ctx) => boardsWithChange(ctx, 'ESTABLISHMENT'),
};

export const boardsConsolidated: FigureSpec = {
  key: 'boardsConsolidated',
  label: { vi: 'Ban quản trị nhà chung cư được rà soát, kiện toàn', en: 'Management boards reviewed and consolidated' },
  byWardAdditive: true,
  definition: (p) => ({
    vi: `Số Ban quản trị khác nhau được rà soát, kiện toàn (ít nhất một lần) ngày từ ${p.vi.from} đến ${p.vi.to} (kể cả hai ngày), thuộc phạm vi theo nhà chung cư của Ban; một Ban kiện toàn nhiều lần tính một lần. Việc kiện toàn ghi theo thông tri khác không tính.`,
    en: `Distinct management boards with at least one CONSOLIDATION change dated ${p.from} to ${p.to} (both included), within the scope by the building(s) they manage; a board consolidated twice counts once. Changes recorded under another directive are excluded.`,
  }),
  compute: (ctx) => boardsWithChange(ctx, 'CONSOLIDATION'),
};

export const boardHeadsTrainedFireSafety: FigureSpec = {
  key: 'boardHeadsTrainedFireSafety',
  label: { vi: 'Trưởng ban quản trị đã được tập huấn phòng cháy chữa cháy', en: 'Board heads trained in fire safety' },
  byWardAdditive: false,
  definition: (p) => ({
    vi: `Số người khác nhau là trưởng ban của Ban quản trị đang hoạt động trong phạm vi vào ngày ${p.vi.to} và đã dự một lớp tập huấn có nội dung phòng cháy chữa cháy tổ chức đến ngày ${p.vi.to}. Mẫu số: số người khác nhau là trưởng ban của các Ban đó vào ngày ${p.vi.to}. Người làm trưởng hai Ban ở hai phường được tính ở cả hai phường.`,
    en: `Distinct people who head a management board alive within the scope on ${p.to} and attended a training covering FIRE_SAFETY held on or before ${p.to}. Denominator: distinct heads of those boards on ${p.to}. A person heading boards in two wards counts in both wards.`,
  }),
  compute: (ctx) => {
    const fireTrainings = new Set(
      ctx.state.trainings.filter((t) => t.topics.includes('FIRE_SAFETY') && t.heldOn <= ctx.to).map((t) => t.id),
    );
    const trained = new Set<Id>(ctx.state.trainingAttendances.filter((a) => fireTrainings.has(a.trainingId)).map((a) => a.personId));
    const heads: Counted[] = [];
    for (const { board, location } of ctx.activeBoards()) {
      for (const personId of ctx.idx.boards.headsOn(board.id, ctx.to)) heads.push(countedAt(ctx.personRef(personId), location));
    }
    return { records: heads.filter((h) => trained.has(h.ref.id)), denominatorRecords: heads };
  },
};

export const BOARD_FIGURES: readonly FigureSpec[] = [boardsEstablished, boardsConsolidated, boardHeadsTrainedFireSafety];
