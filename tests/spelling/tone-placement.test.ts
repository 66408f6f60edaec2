import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as domain from '@coso/domain';
import { modernTonePlacements } from '@coso/domain';
import { describe, expect, it } from 'vitest';

/**
 * One spelling everywhere a user reads coso's Vietnamese: the traditional tone placement on
 * oa/oe/uy of state documents ("hóa", "hủy", "khóa", "xóa", "thúy", "tòa"; domain/text/tone-placement.ts).
 * What is read: every module's source in the packages that speak to users — the domain's rule
 * messages and labels, the schema's errors and descriptions, the gateway's report and export texts
 * and CLI, the admin web's dictionary and pages — and every string the domain exports at run time.
 * Sample data is left out: people's and places' names are written as their owners write them.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The sources scanned: a new module in these folders is read without being listed. */
const SOURCE_ROOTS = ['packages/domain/src', 'packages/schema/src', 'packages/schema/prisma', 'apps/gateway/src', 'apps/admin-web/src'];
const SOURCE_FILES = ['packages/schema/schema.graphql', 'packages/schema/API.md'];
/** The module that defines the modern placement, and its test, spell it on purpose. */
const DEFINES_IT = /text\/tone-placement(\.test)?\.ts$/;
/** Generated (admin-web/src/gql, from schema.graphql), or not ours. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'gql']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sources(path);
    return /\.(ts|tsx|sql|graphql|md)$/.test(entry.name) ? [path] : [];
  });
}

function modernIn(file: string, text: string): string[] {
  return modernTonePlacements(text).map((f) => {
    const line = text.normalize('NFC').slice(0, f.index).split('\n').length;
    return `${file}:${line}: "${f.word}" → "${f.traditional}"`;
  });
}

/** Every string reachable from a value (objects, arrays), without calling functions. */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const values = value instanceof Map ? [...value.values()] : value instanceof Set ? [...value] : Object.values(value);
  return values.flatMap((v) => strings(v, seen));
}

describe('the traditional tone placement', () => {
  const files = [...SOURCE_ROOTS.flatMap((root) => sources(join(REPO, root))), ...SOURCE_FILES.map((f) => join(REPO, f))]
    .map((path) => relative(REPO, path))
    .filter((file) => !DEFINES_IT.test(file));

  it('reads the modules that speak to users', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'apps/admin-web/src/i18n/messages/core.ts',
        'apps/gateway/src/exports/report-text.ts',
        'packages/domain/src/i18n/labels.ts',
        'packages/schema/src/graphql/bilingual-error.ts',
        'packages/schema/schema.graphql',
      ]),
    );
    expect(files.length).toBeGreaterThan(300);
  });

  it('is written in every source (messages, errors, labels, reports, exports, descriptions)', () => {
    const found = files.flatMap((file) => modernIn(file, readFileSync(join(REPO, file), 'utf8')));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('is written in every string the domain exports (labels, rule titles, what modules build at load)', () => {
    const all = strings(domain);
    expect(all.length).toBeGreaterThan(500);
    const found = all.flatMap((text) =>
      modernTonePlacements(text).map((f) => `"${f.word}" → "${f.traditional}" in "${text.slice(0, 80)}"`),
    );
    expect(found, found.join('\n')).toEqual([]);
  });

  it('would name a modern spelling and where it is', () => {
    // Two lines of a module with the modern "huỷ" and "xoá" (tests/ itself is not scanned).
    const text = "const a = 'Đã huỷ';\nconst b = 'xoá bản ghi';";
    expect(modernIn('x.ts', text)).toEqual(['x.ts:1: "huỷ" → "hủy"', 'x.ts:2: "xoá" → "xóa"']);
  });
});
