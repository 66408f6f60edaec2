import { FINDING_CODES } from '@coso/domain';

/**
 * How many findings each rule code has, in the catalogue's order (codes the catalogue does not
 * know yet come last), only codes that occur.
 */
export function countByCode(findings: ReadonlyArray<{ code: string }>): Array<{ code: string; count: number }> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const order = (code: string) => {
    const at = (FINDING_CODES as readonly string[]).indexOf(code);
    return at < 0 ? FINDING_CODES.length : at;
  };
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => order(a.code) - order(b.code) || a.code.localeCompare(b.code));
}

/** How many findings lie in each ward (by ward id; null for none). */
export function countByWard(findings: ReadonlyArray<{ wardId: string | null }>): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const f of findings) counts.set(f.wardId, (counts.get(f.wardId) ?? 0) + 1);
  return counts;
}
