import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as inputs from './index.js';
import { parseInput } from './parse-input.js';

/**
 * Every text field of every input schema the domain exports gets the one text rule (issue #12):
 * found by walking the schemas (a new entity or field is covered without touching this file),
 * each shared text field is refused one character over its bound, and a required one holding only
 * invisible characters is refused as empty.
 */

const TEXT_FIELDS = new Map<z.ZodType, { max: number; required: boolean }>([
  [inputs.requiredTextField, { max: inputs.NAME_MAX_LENGTH, required: true }],
  [inputs.requiredLongTextField, { max: inputs.LONG_TEXT_MAX_LENGTH, required: true }],
  [inputs.optionalTextField, { max: inputs.NAME_MAX_LENGTH, required: false }],
  [inputs.optionalLongTextField, { max: inputs.LONG_TEXT_MAX_LENGTH, required: false }],
  [inputs.optionalLabelField, { max: inputs.NAME_MAX_LENGTH, required: false }],
]);

type Path = Array<string | number>;
interface TextSite {
  schema: string;
  path: Path;
  max: number;
  required: boolean;
}

/** The schemas inside wrappers (optional, nullable, default, pipe, array) and the path segment an array adds. */
function inner(schema: z.ZodType): Array<[z.ZodType, Path]> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return [[def.innerType as z.ZodType, []]];
    case 'pipe':
      return [
        [def.in as z.ZodType, []],
        [def.out as z.ZodType, []],
      ];
    case 'array':
      return [[def.element as z.ZodType, [0]]];
    case 'union':
    case 'discriminated_union':
      return (def.options as z.ZodType[]).map((o) => [o, []]);
    default:
      return [];
  }
}

function textSites(name: string, schema: z.ZodType): TextSite[] {
  const out: TextSite[] = [];
  const visit = (s: z.ZodType, path: Path, depth: number) => {
    if (depth > 12) return;
    const text = TEXT_FIELDS.get(s);
    if (text && path.length > 0) {
      out.push({ schema: name, path, ...text });
      return;
    }
    if (s instanceof z.ZodObject) {
      for (const [key, field] of Object.entries(s.shape as Record<string, z.ZodType>)) visit(field, [...path, key], depth + 1);
      return;
    }
    for (const [child, segment] of inner(s)) visit(child, [...path, ...segment], depth + 1);
  };
  visit(schema, [], 0);
  return out;
}

/** `{ members: [ { name: value } ] }` for the path ['members', 0, 'name']. */
function valueAt(path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  return typeof head === 'number' ? [valueAt(rest, value)] : { [head]: valueAt(rest, value) };
}

const schemas = (Object.entries(inputs) as Array<[string, unknown]>).filter(
  (e): e is [string, z.ZodType] => e[1] instanceof z.ZodType && !TEXT_FIELDS.has(e[1]),
);
const sites = schemas.flatMap(([name, schema]) => textSites(name, schema));

describe('the text rule reaches every input schema', () => {
  it('finds the text fields (names of places, bodies, people, buildings; titles, notes)', () => {
    // Independent floor: the seven entity areas each have at least one name or title.
    expect(schemas.length).toBeGreaterThan(15);
    expect(sites.length).toBeGreaterThan(25);
    for (const field of ['name', 'fullName', 'title', 'note', 'legalBasis', 'comment']) {
      expect(
        sites.some((s) => s.path.at(-1) === field),
        field,
      ).toBe(true);
    }
  });

  it('refuses one character over the bound, at the field, and takes the bound itself', () => {
    for (const site of sites) {
      const over = parseInput(schemas.find(([n]) => n === site.schema)?.[1] as z.ZodType, valueAt(site.path, 'a'.repeat(site.max + 1)));
      expect(over.ok, `${site.schema} ${site.path.join('.')}`).toBe(false);
      const atField = over.ok ? [] : over.violations.filter((v) => v.path.join('.') === site.path.join('.'));
      expect(
        atField.map((v) => v.code),
        `${site.schema} ${site.path.join('.')}`,
      ).toEqual(['INVALID_VALUE']);
      expect(atField[0]?.message.en, site.path.join('.')).toContain(`at most ${site.max}`);
      expect(atField[0]?.message.vi, site.path.join('.')).toContain(`nhiều nhất là ${site.max}`);

      const at = parseInput(schemas.find(([n]) => n === site.schema)?.[1] as z.ZodType, valueAt(site.path, 'a'.repeat(site.max)));
      const atBound = at.ok ? [] : at.violations.filter((v) => v.path.join('.') === site.path.join('.'));
      expect(atBound, `${site.schema} ${site.path.join('.')} at the bound`).toEqual([]);
    }
  });

  it('a name is counted after invisible characters are removed, and is empty when they are all it has', () => {
    const invisible = '\u200B\u200C\u200D\uFEFF\u00AD\u2060';
    for (const site of sites) {
      const schema = schemas.find(([n]) => n === site.schema)?.[1] as z.ZodType;
      const padded = parseInput(schema, valueAt(site.path, `${invisible}${'a'.repeat(site.max)}${invisible}`));
      const atField = padded.ok ? [] : padded.violations.filter((v) => v.path.join('.') === site.path.join('.'));
      expect(atField, `${site.schema} ${site.path.join('.')} padded with invisible characters`).toEqual([]);
      if (!site.required) continue;
      const empty = parseInput(schema, valueAt(site.path, invisible));
      const codes = empty.ok ? [] : empty.violations.filter((v) => v.path.join('.') === site.path.join('.')).map((v) => v.code);
      expect(codes, `${site.schema} ${site.path.join('.')} of invisible characters only`).toEqual(['REQUIRED_FIELD']);
    }
  });
});
