import { describe, expect, it } from 'vitest';
import { type GlobalSearchAnswer, searchGroups } from './search-results';

const empty = { totalCount: 0, nodes: [] };

describe('searchGroups', () => {
  it('groups the hits by kind in a fixed order, each a link to its page as of the date, namesakes told apart', () => {
    const answer: GlobalSearchAnswer = {
      // Given in another order than shown: bodies first, people last.
      organizations: { totalCount: 1, nodes: [{ id: 'O1', name: 'Chi bộ tổ dân phố số 5', kind: 'PARTY_CELL' }] },
      buildings: {
        totalCount: 1,
        nodes: [{ id: 'B1', name: 'Nhà CT1', residentialGroup: { name: 'Tổ dân phố số 5', kindLabel: 'Tổ dân phố' } }],
      },
      units: {
        totalCount: 7,
        nodes: [
          { id: 'U1', name: 'Tổ dân phố số 5', kindLabel: 'Tổ dân phố', parent: { name: 'Giang Biên', kindLabel: 'Phường' } },
          { id: 'U2', name: 'Tổ dân phố số 5', kindLabel: 'Tổ dân phố', parent: { name: 'Phúc Lợi', kindLabel: 'Phường' } },
        ],
      },
      people: { totalCount: 1, nodes: [{ id: 'P 1', fullName: 'Nguyễn Văn An', birthYear: 1970 }] },
    };
    const groups = searchGroups(answer, '2025-06-30', 'vi');
    expect(groups.map((g) => [g.kind, g.total, g.hits.length])).toEqual([
      ['people', 1, 1],
      ['places', 7, 2],
      ['buildings', 1, 1],
      ['bodies', 1, 1],
    ]);
    expect(groups.flatMap((g) => g.hits.map((h) => [h.path, h.title, h.detail]))).toEqual([
      ['/people/P%201?asOf=2025-06-30', 'Nguyễn Văn An', '1970'],
      ['/units/U1?asOf=2025-06-30', 'Tổ dân phố số 5', 'Phường Giang Biên'],
      ['/units/U2?asOf=2025-06-30', 'Tổ dân phố số 5', 'Phường Phúc Lợi'],
      ['/buildings/B1?asOf=2025-06-30', 'Nhà CT1', 'Tổ dân phố số 5'],
      ['/organizations/O1?asOf=2025-06-30', 'Chi bộ tổ dân phố số 5', 'Chi bộ'],
    ]);
  });

  it('names the kind of body in the language shown, and leaves empty kinds out', () => {
    const answer: GlobalSearchAnswer = {
      people: empty,
      units: empty,
      buildings: empty,
      organizations: { totalCount: 1, nodes: [{ id: 'O1', name: 'Chi bộ 5', kind: 'PARTY_CELL' }] },
    };
    expect(searchGroups(answer, '2025-06-30', 'en')).toEqual([
      {
        kind: 'bodies',
        total: 1,
        hits: [{ kind: 'bodies', path: '/organizations/O1?asOf=2025-06-30', title: 'Chi bộ 5', detail: 'Party cell' }],
      },
    ]);
    expect(searchGroups({ people: empty, units: empty, buildings: empty, organizations: empty }, '2025-06-30', 'vi')).toEqual([]);
  });
});
