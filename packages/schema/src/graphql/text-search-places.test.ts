import type { DomainState } from '@coso/domain';
import { longBien2022Dataset, residentialGroupId } from '@coso/sample-data';
import { encodeGlobalID } from '@pothos/plugin-relay';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';

/**
 * Places searched as people name them (#13 item 4, #15 "What the first week found"): the residence
 * picker's own hint "tổ 5 giang biên" found nothing. A place is found by its short name and its
 * ward's, in any case and with or without diacritics; a number is a whole number.
 *
 * Oracles: the sample dataset itself (each group's ward on a date read from its parent links in
 * memory, names shortened by hand-written rules), and hand-counted answers for the listed cases.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
const state: DomainState = longBien2022Dataset();
const BEFORE = '2022-12-01';
const AFTER = '2025-08-01';

beforeAll(async () => {
  // `state` is what the run's sample template holds (SAMPLE_FIXTURE writes longBien2022Dataset()).
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
}, 300_000);
afterAll(() => h?.close());

/** The API id of a dataset unit. */
const unitGid = (key: string) => encodeGlobalID('AdministrativeUnit', stableUuid(key));
const unitById = new Map(state.units.map((u) => [u.id, u]));
const active = (r: { validFrom: string; validTo?: string | null }, on: string) => r.validFrom <= on && (!r.validTo || on < r.validTo);

/** A unit's parent on a date, from the dataset's links. */
function parentOn(unitId: string, on: string) {
  const link = state.unitParents.find((l) => l.unitId === unitId && active(l, on));
  return link ? unitById.get(link.parentId) : undefined;
}

/** What a user types for a place: "tổ 5" for "Tổ dân phố số 5", a ward's name without "Phường". */
function shortName(u: { name: string; kindLabel?: string | null }): string {
  const group = /^Tổ dân phố số (\d+)$/u.exec(u.name);
  if (group) return `tổ ${group[1]}`;
  return u.kindLabel && u.name.startsWith(`${u.kindLabel} `) ? u.name.slice(u.kindLabel.length + 1) : u.name;
}

const stripMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** The same words as a user might type them: any case per letter, diacritics or not, NFC or NFD, spaces doubled. */
const typed = (text: string) =>
  fc
    .record({
      cases: fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }),
      marks: fc.boolean(),
      nfd: fc.boolean(),
      wide: fc.boolean(),
    })
    .map(({ cases, marks, nfd, wide }) => {
      const base = marks ? text : stripMarks(text);
      const cased = [...base].map((c, i) => (cases[i] ? c.toUpperCase() : c.toLowerCase())).join('');
      const spaced = wide ? cased.replace(/ /g, '  ') : cased;
      return nfd ? spaced.normalize('NFD') : spaced.normalize('NFC');
    });

interface Found {
  id: string;
  name: string;
  parent: { name: string } | null;
  formerParents: Array<{ name: string }>;
}

/** Many searches in one request (aliases), each the first 200 matches. */
async function search(asOf: string, queries: readonly string[], kind = 'RESIDENTIAL_GROUP'): Promise<Found[][]> {
  const fields = queries.map(
    (_, i) =>
      `q${i}: units(asOf: $asOf, filter: { kind: ${kind}, name: { search: $s${i} } }, first: 200) { nodes { id name parent { name } formerParents { name } } }`,
  );
  const vars = queries.map((_, i) => `$s${i}: String!`).join(', ');
  const data = await h.run<Record<string, { nodes: Found[] }>>(
    `query($asOf: Date!, ${vars}) { ${fields.join('\n')} }`,
    Object.fromEntries([['asOf', asOf], ...queries.map((q, i) => [`s${i}`, q])]),
  );
  return queries.map((_, i) => data[`q${i}`]?.nodes ?? []);
}

const groups = state.units.filter((u) => u.kind === 'RESIDENTIAL_GROUP');

describe('every place is found by its short name and its ward’s, typed any way', () => {
  it('the short-name rule covers every group of the sample (no group escapes the generated test)', () => {
    expect(groups.length).toBeGreaterThan(200);
    for (const g of groups) expect(shortName(g), g.name).toMatch(/^tổ \d+$/u);
  });

  for (const on of [BEFORE, AFTER]) {
    it(`each group, as of ${on}, by "<its short name> <its ward's short name>"`, async () => {
      const alive = groups.filter((g) => active(g, on) && parentOn(g.id, on));
      expect(alive.length).toBeGreaterThan(200);
      const cases = alive.map((g, i) => {
        const ward = parentOn(g.id, on);
        if (!ward) throw new Error(`${g.id} has no ward on ${on}`);
        const words = `${shortName(g)} ${shortName(ward)}`;
        const [query = words] = fc.sample(typed(words), { numRuns: 1, seed: i });
        return { id: unitGid(g.id), query };
      });
      for (let i = 0; i < cases.length; i += 25) {
        const batch = cases.slice(i, i + 25);
        const answers = await search(
          on,
          batch.map((c) => c.query),
        );
        batch.forEach((c, j) => {
          expect(
            answers[j]?.map((f) => f.id),
            `"${c.query}"`,
          ).toContain(c.id);
        });
      }
    }, 300_000);
  }

  it('each ward, by its name and its district’s, typed any way', async () => {
    const wards = state.units.filter((u) => u.kind === 'WARD' && active(u, BEFORE));
    expect(wards.length).toBe(14);
    const cases = wards.map((w, i) => {
      const district = parentOn(w.id, BEFORE);
      if (!district) throw new Error(`${w.id} has no district`);
      const words = `${shortName(w)} ${shortName(district)}`;
      const [query = words] = fc.sample(typed(words), { numRuns: 1, seed: 1000 + i });
      return { id: unitGid(w.id), query };
    });
    const answers = await search(
      BEFORE,
      cases.map((c) => c.query),
      'WARD',
    );
    cases.forEach((c, j) => {
      expect(
        answers[j]?.map((f) => f.id),
        `"${c.query}"`,
      ).toContain(c.id);
    });
  });
});

describe('the cases the first week found (hand-counted from the sample spec)', () => {
  it('"tổ 5 giang biên" and "to 5 giang bien" find Giang Biên’s group 5 (not Đức Giang’s: "giang biên" begins no place above it)', async () => {
    const [accented, plain] = await search(BEFORE, ['tổ 5 giang biên', 'to 5 giang bien']);
    const expected = [unitGid(residentialGroupId('giang-bien', 5))];
    expect(accented?.map((f) => f.id).sort()).toEqual(expected);
    expect(plain?.map((f) => f.id).sort()).toEqual(expected);
  });

  it('"Tổ dân phố số 5" offers only groups numbered 5: one per ward of 2022 (all 14 have five or more)', async () => {
    const [found = []] = await search(BEFORE, ['Tổ dân phố số 5']);
    expect(found.map((f) => f.name)).toEqual(Array(14).fill('Tổ dân phố số 5'));
    expect(new Set(found.map((f) => f.parent?.name)).size).toBe(14);
  });

  it('"số 1" is a whole number: not 10–19, 21, 31', async () => {
    const [found = []] = await search(BEFORE, ['số 1 giang biên']);
    const expected = [unitGid(residentialGroupId('giang-bien', 1))];
    expect(found.map((f) => f.id).sort()).toEqual(expected);
  });

  it('after the merger, the same-named groups of Phúc Lợi are told apart by their former ward', async () => {
    const namesakes = groups.filter((g) => g.name === 'Tổ dân phố số 5' && parentOn(g.id, AFTER)?.name === 'Phúc Lợi');
    expect(namesakes.length).toBeGreaterThan(1);
    const [found = []] = await search(AFTER, ['Tổ dân phố số 5 phúc lợi']);
    const inPhucLoi = found.filter((f) => f.parent?.name === 'Phúc Lợi');
    expect(inPhucLoi.map((f) => f.id).sort()).toEqual(namesakes.map((g) => unitGid(g.id)).sort());
    const labels = inPhucLoi.map((f) => `${f.name} — ${f.parent?.name} (${f.formerParents.map((p) => p.name).join(', ')})`);
    expect(new Set(labels).size).toBe(labels.length);
    // Giang Biên's group 5 moved in the merger: still found by its former ward's words, which it names.
    const gb5 = residentialGroupId('giang-bien', 5);
    const [former = []] = await search(AFTER, ['tổ 5 giang biên']);
    const moved = former.find((f) => f.id === unitGid(gb5));
    expect(moved?.formerParents.map((p) => p.name)).toEqual(['Giang Biên']);
    expect(moved?.parent?.name).toBe(parentOn(gb5, AFTER)?.name);
    expect(moved?.parent?.name).not.toBe('Giang Biên');
  });

  it('parents and former parents cost the same statements for 1 place as for 14 (no N+1)', async () => {
    const count = async (q: string) => {
      const before = h.statements.length;
      const [found = []] = await search(BEFORE, [q]);
      return { places: found.length, statements: h.statements.length - before };
    };
    const few = await count('tổ 5 giang');
    const many = await count('Tổ dân phố số 5');
    // "giang" begins Giang Biên's name (typing): its group 5; Đức Giang's name does not begin with it.
    expect([few.places, many.places]).toEqual([1, 14]);
    expect(many.statements).toBe(few.statements);
  });

  it('a group that never moved has no former parent', async () => {
    const [found = []] = await search(BEFORE, ['tổ 5 giang biên']);
    expect(found.map((f) => f.formerParents)).toEqual([[]]);
  });
});
