import type { DomainState, Id, Person } from '@coso/domain';
import { longBien2022Dataset } from './dataset.js';
import { IdentityRegistry } from './identity.js';
import { CITY_FRONT_ID, CITY_PARTY_COMMITTEE_ID, CITY_PEOPLES_COMMITTEE_ID, HANOI_ID } from './ids.js';
import { vietnameseName } from './names.js';
import { Random, SEED } from './random.js';

/**
 * A city to measure scale with: the Long Biên sample (district 1, unchanged) and N − 1 clones of
 * it (districts 2…N) beside it under Hà Nội. Each clone has fresh ids, place names, unit codes,
 * directive codes, people's names, citizen IDs and phones (seeded: the same N and seed give the
 * same city); everything else — the history, reorganisations, boards, figures — is the sample's,
 * so a district's report in any clone has the sample's numbers. Hà Nội and its city bodies are
 * shared, not cloned. Pure and deterministic, no I/O.
 */

/** The city-level records every district hangs from: kept once, never cloned. */
export const CITY_ROOT_IDS: ReadonlySet<Id> = new Set([HANOI_ID, CITY_PARTY_COMMITTEE_ID, CITY_PEOPLES_COMMITTEE_ID, CITY_FRONT_ID]);

/**
 * The most districts a generated city may have: unit codes of clones stay within their digit
 * counts (see `cloneUnitCode`). A real city has about 30; the bound lets the generator model ten
 * cities' worth of data in one database (issue #13, `docs/scale.md`).
 */
export const MAX_CITY_DISTRICTS = 899;

type Table = keyof DomainState;
type AnyRecord = Record<string, unknown> & { id: Id };

const tablesOf = (s: DomainState): Table[] => (Object.keys(s) as Table[]).filter((t) => Array.isArray(s[t]));
const recordsOf = (s: DomainState, t: Table): AnyRecord[] => s[t] as unknown as AnyRecord[];

/** Every id a value refers to (ids inside arrays and nested objects too, e.g. a reorganisation's unit lists). */
function referencesIn(value: unknown, ids: ReadonlySet<Id>, out: Id[] = []): Id[] {
  if (typeof value === 'string') {
    if (ids.has(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) referencesIn(v, ids, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) referencesIn(v, ids, out);
  }
  return out;
}

/**
 * The records that belong to the city, not to the district: the roots, and records that refer
 * only to city records (Hà Nội's code, the city bodies' areas). Anything touching the district is cloned.
 */
export function cityRecordIds(s: DomainState): Set<Id> {
  const ids = new Set<Id>();
  for (const t of tablesOf(s)) for (const r of recordsOf(s, t)) ids.add(r.id);
  const shared = new Set<Id>(CITY_ROOT_IDS);
  for (const t of tablesOf(s)) {
    for (const r of recordsOf(s, t)) {
      const { id, ...rest } = r;
      const refs = referencesIn(rest, ids);
      if (refs.length > 0 && refs.every((x) => CITY_ROOT_IDS.has(x))) shared.add(id);
    }
  }
  return shared;
}

/** The id of a record in clone `k` (district k ≥ 2). */
export const cloneId = (id: Id, k: number): Id => `${id}@d${k}`;

/** Fields holding names and addresses, where a clone's place names replace the sample's. */
const TEXT_FIELDS = new Set(['name', 'title', 'address', 'note']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Renames places in one pass (longest names first, so "Long Biên" inside a longer name is not renamed twice). */
function placeRenamer(names: ReadonlyMap<string, string>): (text: string) => string {
  const keys = [...names.keys()].sort((a, b) => b.length - a.length);
  if (keys.length === 0) return (t) => t;
  const pattern = new RegExp(keys.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, (m) => names.get(m) ?? m);
}

function cloneValue(value: unknown, ids: ReadonlyMap<Id, Id>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => cloneValue(v, ids));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneValue(v, ids)]));
  }
  return value;
}

/**
 * The code of clone `k`'s unit that has `code` in the sample, `index` being that code's place among
 * the sample's codes of its length. Clones 2–99: a district 1kk, a ward 9kkii; clones 100–899: a
 * district 100 + k (200–999), a ward kkkii (10000–89999). The ranges do not meet each other nor the
 * sample's real codes (Long Biên 004, its wards 00xxx), so every clone's code is its own.
 */
export function cloneUnitCode(code: string, k: number, index: number): string {
  if (!Number.isInteger(k) || k < 2 || k > MAX_CITY_DISTRICTS || index < 0 || index > 99) {
    throw new RangeError(`cloneUnitCode: clone ${k}, index ${index} out of range`);
  }
  const ii = String(index).padStart(2, '0');
  if (code.length === 3) return k < 100 ? `1${String(k).padStart(2, '0')}` : String(100 + k);
  if (code.length === 5) return k < 100 ? `9${String(k).padStart(2, '0')}${ii}` : `${k}${ii}`;
  throw new Error(`sample data: unit code ${code} of an unexpected length`);
}

/**
 * One clone of the district: every record not in `city` under a fresh id, with fresh place names
 * ("Thượng Thanh" → "Thượng Thanh 2"), codes and people's identities.
 */
function cloneDistrict(sample: DomainState, city: ReadonlySet<Id>, k: number, identities: IdentityRegistry, rng: Random): DomainState {
  const ids = new Map<Id, Id>();
  for (const t of tablesOf(sample)) for (const r of recordsOf(sample, t)) if (!city.has(r.id)) ids.set(r.id, cloneId(r.id, k));
  const placeNames = new Map<string, string>();
  for (const u of sample.units) if (!city.has(u.id) && u.kind !== 'RESIDENTIAL_GROUP') placeNames.set(u.name, `${u.name} ${k}`);
  const rename = placeRenamer(placeNames);
  const out = {} as Record<Table, unknown>;
  for (const t of Object.keys(sample) as Table[]) {
    const value = sample[t];
    if (!Array.isArray(value)) {
      out[t] = value;
      continue;
    }
    const clones: AnyRecord[] = [];
    const codeIndex = new Map<number, number>();
    for (const r of recordsOf(sample, t)) {
      if (city.has(r.id)) continue;
      const c = cloneValue(r, ids) as AnyRecord;
      for (const field of TEXT_FIELDS) if (typeof c[field] === 'string') c[field] = rename(c[field] as string);
      if (t === 'unitCodes') {
        const code = String(c.code);
        const i = codeIndex.get(code.length) ?? 0;
        codeIndex.set(code.length, i + 1);
        c.code = cloneUnitCode(code, k, i);
      }
      if (t === 'directives') c.code = `${String(c.code)}-${k}`;
      if (t === 'people') {
        const p = c as unknown as Person;
        c.fullName = vietnameseName(rng, p.sex, p.birthYear);
        if (p.citizenId) c.citizenId = identities.citizenId(p.birthYear, p.sex);
        if (p.phone) c.phone = identities.mobile();
      }
      clones.push(c);
    }
    out[t] = clones;
  }
  return out as unknown as DomainState;
}

/**
 * The city in parts, district by district: the sample first (with the city records), then each
 * clone (its own records only, referring to the city's). Written one part per transaction, a large
 * city never needs one huge transaction. `seed` changes the clones' names and identities, never the sample.
 */
export function* cityParts(districts: number, seed: number = SEED): Generator<DomainState> {
  if (!Number.isInteger(districts) || districts < 1 || districts > MAX_CITY_DISTRICTS) {
    throw new RangeError(`cityDataset: districts must be an integer from 1 to ${MAX_CITY_DISTRICTS} (got ${districts})`);
  }
  const sample = longBien2022Dataset();
  const city = cityRecordIds(sample);
  const identities = new IdentityRegistry(Random.forPart('city-identities', seed));
  for (const p of sample.people) identities.reserve(p.citizenId ?? null, p.phone ?? null);
  yield sample;
  for (let k = 2; k <= districts; k++) yield cloneDistrict(sample, city, k, identities, Random.forPart(`city-district-${k}`, seed));
}

/** The sample (district 1) and `districts − 1` clones of it, as one state. */
export function cityDataset(districts: number, seed: number = SEED): DomainState {
  let merged: Record<Table, unknown> | null = null;
  for (const part of cityParts(districts, seed)) {
    if (!merged) {
      merged = { ...part } as Record<Table, unknown>;
      continue;
    }
    for (const t of tablesOf(part)) merged[t] = [...(merged[t] as unknown[]), ...(part[t] as unknown[])];
  }
  return merged as unknown as DomainState;
}
