import { describe, expect, it } from 'vitest';
import { ownersOf } from './owners';

const person = (id: string, fullName: string) => ({ __typename: 'Person' as const, id, fullName, birthYear: 1970 });
const ownership = (id: string, who: ReturnType<typeof person>, validFrom: string, validTo: string | null = null) => ({
  __typename: 'ApartmentOwnership' as const,
  id,
  validFrom,
  validTo,
  person: who,
});

describe('ownersOf', () => {
  it('lists the owners on the date once each, in Vietnamese order, with an apartment they hold', () => {
    const an = person('p-an', 'Nguyễn Văn An');
    const binh = person('p-binh', 'Đỗ Thị Bình');
    const cu = person('p-cu', 'Lê Văn Cư');
    const apartments = [
      {
        __typename: 'Apartment' as const,
        id: 'a1',
        number: '101',
        ownerships: [ownership('o1', an, '2020-01-01'), ownership('o2', cu, '2015-01-01', '2020-01-01')],
      },
      {
        __typename: 'Apartment' as const,
        id: 'a2',
        number: '102',
        ownerships: [ownership('o3', binh, '2021-06-01'), ownership('o4', an, '2021-01-01')],
      },
    ];
    const owners = ownersOf(apartments, '2022-12-01');
    expect(owners.map((o) => o.fullName)).toEqual(['Đỗ Thị Bình', 'Nguyễn Văn An']);
    expect(owners.find((o) => o.id === 'p-an')?.note).toBe('101');
    // Before Bình bought 102, only An owned here; Cư had sold 101 by then.
    expect(ownersOf(apartments, '2021-03-01').map((o) => o.id)).toEqual(['p-an']);
  });
});
