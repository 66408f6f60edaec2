import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * CONTRIBUTING.md's "Adding an entity" recipe stays true: every file it names exists (a path with
 * `<…>` placeholders matches at least one file), and the count it states is its table's.
 */
const repo = join(new URL('.', import.meta.url).pathname, '../../../..');
const text = readFileSync(join(repo, 'CONTRIBUTING.md'), 'utf8');
const recipe = text.slice(text.indexOf('<!-- recipe:start -->'), text.indexOf('<!-- recipe:end -->'));
const rows = recipe.split('\n').filter((line) => /^\| \d+\s+\|/.test(line));
const paths = rows.map((row) => /^\| \d+\s+\| `([^`]+)`/.exec(row)?.[1] ?? '');

/** Whether a path (placeholders `<…>` match any text inside one path segment) names an existing file. */
function exists(pattern: string, dir = repo): boolean {
  const [segment = '', ...rest] = pattern.split('/');
  const re = new RegExp(`^${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '[^/]+')}$`);
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => re.test(e.name));
  if (rest.length === 0) return entries.some((e) => e.isFile());
  return entries.some((e) => e.isDirectory() && exists(rest.join('/'), join(dir, e.name)));
}

describe('the "Adding an entity" recipe', () => {
  it('has a table of files, and states their count', () => {
    expect(rows.length).toBeGreaterThan(5);
    const count = /Hand-written files: (\d+)\./.exec(text)?.[1];
    expect(Number(count)).toBe(rows.length);
  });

  it.each(paths)('%s exists', (path) => {
    expect(path).not.toBe('');
    expect(exists(path), `${path} (from CONTRIBUTING.md) matches no file; update the recipe`).toBe(true);
  });

  it('a path that does not exist is reported (the check can fail)', () => {
    expect(exists('packages/schema/src/entities/<name>-nowhere.ts')).toBe(false);
    expect(exists(join(dirname('packages/schema/src/entities/definitions.ts'), 'definitions.ts'))).toBe(true);
  });
});
