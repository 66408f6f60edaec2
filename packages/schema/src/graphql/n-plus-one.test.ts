import { type DomainState, emptyState } from '@coso/domain';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * No N+1: the nested read ward → residential groups → buildings → board → members → person issues
 * the same number of SQL statements whatever the number of rows. Measured at two data sizes.
 */
function dataset(wards: number, groupsPerWard: number, buildingsPerGroup: number, membersPerBoard: number): DomainState {
  const s = emptyState();
  const life = { validFrom: '2010-01-01', validTo: null };
  s.units.push({ id: 'district', kind: 'DISTRICT', name: 'Quận Mẫu', ...life });
  let person = 0;
  for (let w = 0; w < wards; w++) {
    const ward = `w${w}`;
    s.units.push({ id: ward, kind: 'WARD', name: `Phường ${w}`, ...life });
    s.unitParents.push({ id: `pw${w}`, unitId: ward, parentId: 'district', ...life });
    for (let g = 0; g < groupsPerWard; g++) {
      const group = `${ward}g${g}`;
      s.units.push({ id: group, kind: 'RESIDENTIAL_GROUP', name: `Tổ ${w}.${g}`, ...life });
      s.unitParents.push({ id: `p${group}`, unitId: group, parentId: ward, ...life });
      for (let b = 0; b < buildingsPerGroup; b++) {
        const building = `${group}b${b}`;
        s.buildings.push({
          id: building,
          name: `Nhà ${building}`,
          residentialGroupId: group,
          apartmentCount: 100,
          blockCount: 1,
          multipleOwners: true,
          ...life,
        });
        s.organizations.push({ id: `board-${building}`, kind: 'MANAGEMENT_BOARD', name: `BQT ${building}`, buildingId: building, ...life });
        for (let m = 0; m < membersPerBoard; m++) {
          const p = `person${person++}`;
          s.people.push({ id: p, fullName: `Người ${p}`, sex: 'MALE', birthYear: 1970 });
          s.memberships.push({
            id: `m-${p}`,
            personId: p,
            organizationId: `board-${building}`,
            role: m === 0 ? 'HEAD' : 'MEMBER',
            ...life,
          });
        }
      }
    }
  }
  return s;
}

const NESTED = `{ units(asOf: "2022-12-01", filter: { kind: WARD }, first: 200) { totalCount nodes { name
  children(kind: RESIDENTIAL_GROUP, first: 200) { totalCount nodes { name
    buildings(first: 200) { totalCount nodes { name
      board { name members(first: 200) { totalCount nodes { role person { fullName } } } } } } } } } } }`;

const harnesses: Array<{ close: () => Promise<void> }> = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

async function statementsFor(state: DomainState) {
  const h = await graphqlHarness(inject('databaseAdminUrl'));
  harnesses.push(h);
  await writeState(h.prisma, state);
  await h.run(NESTED); // warm-up: connection set-up statements are not the query's
  h.statements.length = 0;
  const data = await h.run<{ units: { nodes: Array<{ children: { nodes: Array<{ buildings: { nodes: unknown[] } }> } }> } }>(NESTED);
  const buildings = data.units.nodes.flatMap((w) => w.children.nodes.flatMap((g) => g.buildings.nodes)).length;
  return { statements: h.statements.length, buildings };
}

describe('nested reads issue a bounded number of SQL statements', () => {
  it('the same count for 2×2×1 boards of 3 and for 5×6×3 boards of 5', async () => {
    const small = await statementsFor(dataset(2, 2, 1, 3));
    const large = await statementsFor(dataset(5, 6, 3, 5));
    expect(small.buildings).toBe(4);
    expect(large.buildings).toBe(90);
    console.log(`nested read: ${large.statements} SQL statements (small: ${small.statements})`);
    expect(large.statements).toBe(small.statements);
    // The bound stated in the README: one root query plus one per nesting level and count.
    expect(large.statements).toBeLessThanOrEqual(12);
  });
});
