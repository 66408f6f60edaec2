import { type DomainState, directiveReport, type FigureKey, figureByKey, searchKey } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { cityDataset, cloneId, cloneUnitCode, MAX_CITY_DISTRICTS } from './city.js';
import { DISTRICT_ID, longBien2022Dataset, REVIEW_DATE } from './index.js';

/**
 * The generated city (`coso seed --sample city --districts N`): N districts, the sample and its
 * clones. Tested with N = 3 (the sample and two clones).
 */
const N = 3;
const sample = longBien2022Dataset();
const city = cityDataset(N);

/** City records kept once (hand-listed): Hà Nội and its code; the city's party committee, People's Committee and Front, and their areas. */
const SHARED: Partial<Record<keyof DomainState, number>> = { units: 1, unitCodes: 1, organizations: 3, organizationAreas: 3 };

/** The city records by id (hand-listed, as above). */
const CITY = new Set([
  'hanoi',
  'code-hanoi',
  'org-thanh-uy-ha-noi',
  'org-ubnd-tp-ha-noi',
  'org-mttq-tp-ha-noi',
  'area-0001',
  'area-0002',
  'area-0003',
]);

const tables = (s: DomainState) => (Object.keys(s) as Array<keyof DomainState>).filter((t) => Array.isArray(s[t]));
const records = (s: DomainState, t: keyof DomainState) => s[t] as unknown as Array<Record<string, unknown> & { id: string }>;

function report(state: DomainState, district: string) {
  const r = directiveReport(state, { directiveId: directiveOf(state, district), scopeUnitId: district, to: REVIEW_DATE });
  if (!r.ok) throw new Error(r.violations.map((v) => v.message.en).join('; '));
  return r.value;
}
/** The directive of a district (each clone's district party committee issued its own copy). */
function directiveOf(state: DomainState, district: string): string {
  const d = state.directives.find((x) => x.scopeUnitId === district);
  if (!d) throw new Error(`no directive for ${district}`);
  return d.id;
}

describe(`a city of ${N} districts`, () => {
  it('holds N times every table of the sample, the city records once', () => {
    for (const t of tables(sample)) {
      const shared = SHARED[t] ?? 0;
      expect(records(city, t).length, t).toBe(N * records(sample, t).length - (N - 1) * shared);
    }
  });

  it("has no id twice; every reference resolves, a clone's within its own district or to the city's records", () => {
    const ids = new Set<string>();
    for (const t of tables(city)) for (const r of records(city, t)) ids.add(r.id);
    expect(ids.size).toBe(tables(city).reduce((n, t) => n + records(city, t).length, 0));
    for (const t of tables(city)) {
      for (const r of records(city, t)) {
        for (const [field, value] of Object.entries(r)) {
          if (field === 'id' || field === 'citizenId' || !/Id$/.test(field) || value === null || value === undefined) continue;
          const where = `${t}.${field} of ${r.id} → ${String(value)}`;
          expect(ids.has(String(value)), where).toBe(true);
          const district = /@d\d+$/.exec(r.id)?.[0];
          if (district && !CITY.has(String(value))) expect(String(value).endsWith(district), where).toBe(true);
        }
      }
    }
  });

  it('gives every person a valid, unique citizen ID: 001 (Hà Nội), century/sex digit, birth year, 6 digits', () => {
    const seen = new Set<string>();
    for (const p of city.people) {
      if (!p.citizenId) continue;
      expect(p.citizenId, p.id).toMatch(/^001\d{9}$/);
      // Circular 59/2021/TT-BCA: 20th century 0 (male) / 1 (female), 21st century 2 / 3.
      const centurySex = (p.birthYear >= 2000 ? 2 : 0) + (p.sex === 'FEMALE' ? 1 : 0);
      expect(p.citizenId.slice(3, 4), p.id).toBe(String(centurySex));
      expect(p.citizenId.slice(4, 6), p.id).toBe(String(p.birthYear % 100).padStart(2, '0'));
      expect(seen.has(p.citizenId), p.citizenId).toBe(false);
      seen.add(p.citizenId);
    }
    expect(seen.size).toBe(N * sample.people.filter((p) => p.citizenId).length);
  });

  it('names clones afresh: places numbered by district, people drawn anew', () => {
    const unit = (id: string) => city.units.find((u) => u.id === id);
    expect(unit(cloneId(DISTRICT_ID, 2))?.name).toBe('Long Biên 2');
    expect(unit(cloneId('ward-2003-giang-bien', 3))?.name).toBe('Giang Biên 3');
    const original = new Map(sample.people.map((p) => [p.id, p.fullName]));
    const clones = city.people.filter((p) => p.id.endsWith('@d2'));
    const renamed = clones.filter((p) => p.fullName !== original.get(p.id.replace(/@d2$/, '')));
    expect(renamed.length / clones.length).toBeGreaterThan(0.9);
    for (const p of clones) expect(p.fullName).toBe(p.fullName.normalize('NFC'));
    // Still people a search for "nguyen van" finds, as in the sample.
    expect(clones.filter((p) => searchKey(p.fullName).startsWith('nguyen van')).length).toBeGreaterThan(50);
  });

  it('gives each unit code to one unit at a time', () => {
    const byCode = new Map<string, Array<{ from: string; to: string | null }>>();
    for (const c of city.unitCodes) byCode.set(c.code, [...(byCode.get(c.code) ?? []), { from: c.validFrom, to: c.validTo }]);
    for (const [code, periods] of byCode) {
      for (const [i, a] of periods.entries()) {
        for (const b of periods.slice(i + 1)) expect(a.from < (b.to ?? '9999') && b.from < (a.to ?? '9999'), code).toBe(false);
      }
    }
  });

  it('is the same city for the same N and seed, another for another seed', () => {
    expect(cityDataset(2).people.map((p) => p.citizenId)).toEqual(city.people.slice(0, 2 * sample.people.length).map((p) => p.citizenId));
    expect(cityDataset(2, 7).people.at(-1)?.citizenId).not.toBe(cityDataset(2).people.at(-1)?.citizenId);
  });

  it('gives every clone, up to the largest city, codes of the official lengths that no other clone or the sample has', () => {
    // Every clone number and every index a sample code can have (the sample has fewer than 100 per length).
    const seen = new Map<string, string>(sample.unitCodes.map((c) => [c.code, 'the sample']));
    const problems: string[] = [];
    for (let k = 2; k <= MAX_CITY_DISTRICTS; k++) {
      for (const [length, sampleCode] of [
        [3, '004'],
        [5, '00118'],
      ] as const) {
        const shape = new RegExp(`^\\d{${length}}$`);
        for (let index = 0; index < 100; index++) {
          const code = cloneUnitCode(sampleCode, k, index);
          if (!shape.test(code)) problems.push(`clone ${k}, index ${index}: ${code} is not ${length} digits`);
          const owner = `clone ${k} (${length} digits)`;
          const before = seen.get(code);
          // A district has one code: its 3-digit code is the same whatever the index.
          if (before !== undefined && !(length === 3 && before === owner)) problems.push(`${code}: ${owner} and ${before}`);
          seen.set(code, owner);
        }
      }
    }
    expect(problems).toEqual([]);
    // Every code new: the sample's distinct codes, then 101 per clone (one district code, 100 ward codes).
    expect(seen.size).toBe(new Set(sample.unitCodes.map((c) => c.code)).size + (MAX_CITY_DISTRICTS - 1) * 101);
    expect(() => cloneUnitCode('004', MAX_CITY_DISTRICTS + 1, 0)).toThrow(RangeError);
  });

  it('refuses a number of districts it cannot generate', () => {
    for (const n of [0, -1, 1.5, 900]) expect(() => cityDataset(n)).toThrow(RangeError);
  });
});

describe("the sample's review of 01/12/2022 is unchanged by the clones, and every clone has it", () => {
  // The article's figures (hand-checked, as in report.test.ts).
  const KNOWN: Array<[FigureKey, number]> = [
    ['residentialGroups', 222],
    ['wardsWithApartmentGroups', 13],
    ['apartmentGroupsWithCell', 49],
    ['boardsEstablished', 8],
    ['boardsConsolidated', 31],
    ['politicalSystemPeopleOnBoards', 65],
    ['partyMembersOnBoards', 43],
    ['politicalSystemMembersOnBoards', 29],
    ['residenceContactMembersIntroduced', 22],
  ];
  it.each([1, 2, 3])('district %i', (k) => {
    const district = k === 1 ? DISTRICT_ID : cloneId(DISTRICT_ID, k);
    const r = report(city, district);
    for (const [key, value] of KNOWN) expect(figureByKey(r, key)?.value, `${key} in district ${k}`).toBe(value);
    if (k === 1) {
      const alone = report(sample, DISTRICT_ID);
      expect(r.figures.map((f) => [f.key, f.value, f.denominator ?? null])).toEqual(
        alone.figures.map((f) => [f.key, f.value, f.denominator ?? null]),
      );
    }
  });
});
