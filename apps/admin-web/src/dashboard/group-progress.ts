/** One residential group's progress: the gaps (finding codes) it still has on the date. */
export interface GroupProgressRow {
  groupId: string;
  groupName: string;
  /** Finding codes of the group, each once, in the order first seen. */
  codes: string[];
  /** How many gaps (findings) the group has. */
  gaps: number;
}

/**
 * Progress per residential group of a ward: every group of the ward (groups without a gap meet
 * the directive's requirements), with its gaps counted from the findings placed in it. Groups
 * with gaps first (most first), then by name as the API ordered them. Findings in no group of the
 * list (placed elsewhere) are left out.
 */
export function groupProgress(
  groups: ReadonlyArray<{ id: string; name: string }>,
  findings: ReadonlyArray<{ code: string; residentialGroupId?: string | null }>,
): GroupProgressRow[] {
  const rows = new Map<string, GroupProgressRow>(groups.map((g) => [g.id, { groupId: g.id, groupName: g.name, codes: [], gaps: 0 }]));
  for (const f of findings) {
    const row = f.residentialGroupId ? rows.get(f.residentialGroupId) : undefined;
    if (!row) continue;
    row.gaps += 1;
    if (!row.codes.includes(f.code)) row.codes.push(f.code);
  }
  const order = new Map(groups.map((g, i) => [g.id, i]));
  return [...rows.values()].sort((a, b) => b.gaps - a.gaps || (order.get(a.groupId) ?? 0) - (order.get(b.groupId) ?? 0));
}
