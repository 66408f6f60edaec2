import { describe, expect, it } from 'vitest';
import { StateBuilder } from '../testing/state-builder.js';
import { BoardIndex } from './boards.js';
import { DirectiveIndexes } from './indexes.js';
import { scopeOnDate } from './scope.js';

function complexState(): StateBuilder {
  return new StateBuilder()
    .unit('d', 'DISTRICT', 'Quận A', null)
    .unit('w1', 'WARD', 'Phường Một', 'd')
    .unit('w2', 'WARD', 'Phường Hai', 'd')
    .unit('g1', 'RESIDENTIAL_GROUP', 'Tổ 1', 'w1')
    .unit('g2', 'RESIDENTIAL_GROUP', 'Tổ 2', 'w2')
    .complex('k', 'Khu K')
    .building('a', 'Tòa A', 'g2', { complexId: 'k' })
    .building('b', 'Tòa B', 'g1', { complexId: 'k' })
    .building('c', 'Tòa C', 'g1', { complexId: 'k', to: '2020-01-01' })
    .board('bk', 'Ban quản trị Khu K', { complexId: 'k' });
}

describe('BoardIndex', () => {
  it('places a complex board by its standing buildings, in building-id order', () => {
    const s = complexState();
    const idx = new BoardIndex(s.state);
    const board = idx.board('bk');
    expect(board).toBeDefined();
    if (!board) return;
    expect(idx.buildingsOfBoard(board, '2022-01-01').map((b) => b.id)).toEqual(['a', 'b']);
    expect(idx.groupsOfBoard(board, '2022-01-01')).toEqual(['g2', 'g1']);
    expect(idx.buildingsOfBoard(board, '2019-01-01').map((b) => b.id)).toEqual(['a', 'b', 'c']);
  });

  it('files a board with no building under the first group it serves by id, whatever the order of its rows', () => {
    // Found by the report's differential test: the database reads rows in any order.
    for (const serves of [
      ['g2', 'g1'],
      ['g1', 'g2'],
    ]) {
      const s = new StateBuilder()
        .unit('d', 'DISTRICT', 'Quận A', null)
        .unit('w1', 'WARD', 'Phường Một', 'd')
        .unit('w2', 'WARD', 'Phường Hai', 'd')
        .unit('g1', 'RESIDENTIAL_GROUP', 'Tổ 1', 'w1')
        .unit('g2', 'RESIDENTIAL_GROUP', 'Tổ 2', 'w2')
        .complex('k', 'Khu K')
        .board('bk', 'Ban quản trị Khu K', { complexId: 'k' });
      for (const g of serves) s.serves('bk', g);
      const idx = new DirectiveIndexes(s.state);
      const board = idx.boards.board('bk');
      expect(board && idx.boards.groupsOfBoard(board, '2022-01-01')).toEqual(['g1', 'g2']);
    }
  });

  it('finds the board of a building through its complex', () => {
    const s = complexState();
    const idx = new BoardIndex(s.state);
    const b = idx.building('b');
    expect(b && idx.boardsForBuilding(b, '2022-01-01').map((x) => x.id)).toEqual(['bk']);
  });

  it("places a complex board in one group, its first building's, whatever the scope", () => {
    const s = complexState();
    const idx = new DirectiveIndexes(s.state);
    const board = idx.boards.board('bk');
    const w1 = scopeOnDate(idx.places, 'w1', '2022-01-01');
    const w2 = scopeOnDate(idx.places, 'w2', '2022-01-01');
    const d = scopeOnDate(idx.places, 'd', '2022-01-01');
    expect(board && w1 && idx.placeBoard(board, w1, '2022-01-01')).toBeUndefined();
    expect(board && w2 && idx.placeBoard(board, w2, '2022-01-01')).toMatchObject({ groupId: 'g2', ward: { id: 'w2' } });
    expect(board && d && idx.placeBoard(board, d, '2022-01-01')).toMatchObject({ groupId: 'g2', ward: { id: 'w2' } });
  });

  it('a board with no building lies where it serves', () => {
    const s = new StateBuilder()
      .unit('w', 'WARD', 'Phường A', null)
      .unit('g', 'RESIDENTIAL_GROUP', 'Tổ 1', 'w')
      .org('b', 'MANAGEMENT_BOARD', 'Ban quản trị không tòa', { serves: ['g'] });
    const idx = new DirectiveIndexes(s.state);
    const board = idx.boards.board('b');
    expect(board && idx.boards.groupsOfBoard(board, '2022-01-01')).toEqual(['g']);
  });

  describe('termStatusOn', () => {
    const s = new StateBuilder()
      .board('x', 'Ban X', { buildingId: 'bx' })
      .term('x', 1, '2016-01-01', '2019-01-01')
      .term('x', 2, '2019-06-01', '2022-06-01')
      .term('x', 3, '2023-01-01', null)
      .board('none', 'Ban không nhiệm kỳ', { buildingId: 'by' });
    const idx = new BoardIndex(s.state);

    it('is not expired while a term runs', () => {
      expect(idx.termStatusOn('x', '2020-01-01')).toMatchObject({ current: { termNumber: 2 }, expired: false });
    });
    it('is expired between a term end and the next term start', () => {
      expect(idx.termStatusOn('x', '2019-03-01')).toMatchObject({ latest: { termNumber: 1 }, expired: true });
      expect(idx.termStatusOn('x', '2022-06-01')).toMatchObject({ latest: { termNumber: 2 }, expired: true });
    });
    it('is not expired once the next term starts, nor before the first', () => {
      expect(idx.termStatusOn('x', '2023-01-01').expired).toBe(false);
      expect(idx.termStatusOn('x', '2015-01-01').expired).toBe(false);
    });
    it('takes the last started of overlapping running terms as current, whatever order they are stored in', () => {
      // Two terms running on 2021-01-01: 2 (from 2019-06-01) was recorded before 1 (from 2016) ended.
      const overlapping = (order: 'first' | 'second') => {
        const b = new StateBuilder().board('y', 'Ban Y', { buildingId: 'bz' });
        return order === 'first'
          ? b.term('y', 1, '2016-01-01', '2022-01-01').term('y', 2, '2019-06-01', '2024-01-01')
          : b.term('y', 2, '2019-06-01', '2024-01-01').term('y', 1, '2016-01-01', '2022-01-01');
      };
      for (const order of ['first', 'second'] as const) {
        const status = new BoardIndex(overlapping(order).state).termStatusOn('y', '2021-01-01');
        expect(status, order).toMatchObject({
          current: { termNumber: 2, validFrom: '2019-06-01' },
          latest: { termNumber: 2 },
          expired: false,
        });
      }
    });
    it('is not expired with no recorded term', () => {
      expect(idx.termStatusOn('none', '2022-01-01')).toEqual({ current: undefined, latest: undefined, expired: false });
    });
  });
});
