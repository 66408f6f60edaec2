import { sortVietnamese } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HISTORY_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

let h: Awaited<ReturnType<typeof graphqlHarness>>;
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: HISTORY_FIXTURE });
});
afterAll(() => h.close());

type Units = { units: { totalCount: number; nodes: Array<{ name: string; code: string | null }> } };

describe('places over GraphQL, as of a date', () => {
  it('lists the 14 Long Biên wards on 2022-12-01 in Vietnamese order with their codes', async () => {
    const data = await h.run<Units>(`{ units(asOf: "2022-12-01", filter: { kind: WARD }, first: 50) { totalCount nodes { name code } } }`);
    expect(data.units.totalCount).toBe(14);
    expect(data.units.nodes.map((n) => n.name)).toEqual([
      'Bồ Đề',
      'Cự Khối',
      'Đức Giang',
      'Gia Thụy',
      'Giang Biên',
      'Long Biên',
      'Ngọc Lâm',
      'Ngọc Thụy',
      'Phúc Đồng',
      'Phúc Lợi',
      'Sài Đồng',
      'Thạch Bàn',
      'Thượng Thanh',
      'Việt Hưng',
    ]);
    expect(data.units.nodes.find((n) => n.name === 'Ngọc Thụy')?.code).toBe('00118');
  });

  it('answers 13 wards on 2025-03-01 and the new wards under Hà Nội on 2025-08-01', async () => {
    const march = await h.run<Units>(`{ units(asOf: "2025-03-01", filter: { kind: WARD }) { totalCount } }`);
    expect(march.units.totalCount).toBe(13);
    const aug = await h.run<{
      unitByCode: {
        name: string;
        children: { totalCount: number; nodes: Array<{ name: string; code: string | null; parent: { name: string } }> };
      };
    }>(`{ unitByCode(code: "01", asOf: "2025-08-01") { name children(kind: WARD) { totalCount nodes { name code parent { name } } } } }`);
    expect(aug.unitByCode.name).toBe('Hà Nội');
    expect(aug.unitByCode.children.nodes.map((n) => n.name)).toEqual(['Bồ Đề', 'Hồng Hà', 'Long Biên', 'Phúc Lợi', 'Việt Hưng']);
    expect(aug.unitByCode.children.nodes.find((n) => n.name === 'Bồ Đề')?.code).toBe('00118');
    expect(aug.unitByCode.children.nodes.every((n) => n.parent.name === 'Hà Nội')).toBe(true);
  });

  it('reads code 00118 as Ngọc Thụy before 2025-07-01 and Bồ Đề after', async () => {
    const q = `query($d: Date) { unitByCode(code: "00118", asOf: $d) { name ancestors { name } } }`;
    const before = await h.run<{ unitByCode: { name: string; ancestors: Array<{ name: string }> } }>(q, { d: '2025-06-30' });
    const after = await h.run<{ unitByCode: { name: string; ancestors: Array<{ name: string }> } }>(q, { d: '2025-07-01' });
    expect(before.unitByCode.name).toBe('Ngọc Thụy');
    expect(before.unitByCode.ancestors.map((a) => a.name)).toEqual(['Long Biên', 'Hà Nội']);
    expect(after.unitByCode.name).toBe('Bồ Đề');
    expect(after.unitByCode.ancestors.map((a) => a.name)).toEqual(['Hà Nội']);
  });

  it('finds Giang Biên by typing "giang bien", ignoring case and diacritics', async () => {
    const data = await h.run<Units>(
      `{ units(asOf: "2022-12-01", filter: { name: { search: "giang bien" }, kind: WARD }) { totalCount nodes { name } } }`,
    );
    // A place is its own name, then the place it lies in (text-search.ts): Đức Giang has "giang" but
    // "biên" begins no place above it (it ends Long Biên), so only Giang Biên.
    expect(data.units.nodes.map((n) => n.name)).toEqual(['Giang Biên']);
    const duc = await h.run<Units>(
      `{ units(asOf: "2022-12-01", filter: { name: { search: "DUC giang" }, kind: WARD }) { nodes { name } } }`,
    );
    expect(duc.units.nodes.map((n) => n.name)).toEqual(['Đức Giang']);
  });

  it('refuses a page larger than the maximum', async () => {
    await expect(h.run(`{ units(first: 5000) { nodes { name } } }`)).rejects.toThrow(/5000|max|200/i);
  });

  it('orders residential groups with numbers as numbers (số 2 before số 10), as the domain does', async () => {
    await h.prisma.administrativeUnit.createMany({
      data: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => ({
        id: stableUuid(`numbered-group-${n}`),
        kind: 'RESIDENTIAL_GROUP' as const,
        name: `Tổ dân phố số ${n}`,
        nameSearch: `to dan pho so ${n}`,
        validFrom: new Date('2010-01-01T00:00:00Z'),
      })),
    });
    const data = await h.run<Units>(
      `{ units(asOf: "2022-12-01", filter: { kind: RESIDENTIAL_GROUP, name: { search: "to dan pho so" } }, first: 200) { nodes { name } } }`,
    );
    const names = data.units.nodes.map((n) => n.name);
    expect(names.length).toBeGreaterThan(11);
    expect(names).toEqual(sortVietnamese(names));
    const numbers = [...new Set(names.map((n) => Number(/số (\d+)/.exec(n)?.[1])))].filter(Number.isFinite);
    expect(numbers.slice(0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
