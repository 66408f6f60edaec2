import { searchKey } from '@coso/domain';
import { unitLabel } from '../lists/record-links';

export interface UnitOption {
  id: string;
  name: string;
  kindLabel?: string | null;
  parent?: { name: string; kindLabel?: string | null } | null;
  /** Parents before the current one, latest first (a group moved by a merger). */
  formerParents?: ReadonlyArray<{ name: string; kindLabel?: string | null }> | null;
}

/** "Tổ dân phố số 5 — Phường Giang Biên": group names repeat across wards, so the parent tells them apart. */
export function unitOptionLabel(unit: UnitOption): string {
  const own = unitLabel(unit);
  const parent = unit.parent ? unitLabel(unit.parent) : '';
  return parent ? `${own} — ${parent}` : own;
}

/**
 * Options for a unit picker, labelled and ranked for what was typed. Labels that would repeat
 * (two "Tổ dân phố số 5 — Phường Phúc Lợi" after the 2025 merger) name the former wards:
 * "… (trước đây: Phường Giang Biên)". The best match comes first: the option whose label holds
 * the most typed words as whole words, then side by side ("tổ 5 giang biên": Giang Biên's group 5
 * before Đức Giang's, which the server found through Long "Biên"); the server's order breaks ties.
 */
export function unitOptions(units: readonly UnitOption[], typed: string, formerWord: string): Array<{ value: string; label: string }> {
  const base = units.map(unitOptionLabel);
  const repeated = new Set(base.filter((l, i) => base.indexOf(l) !== i));
  const labelled = units.map((u, i) => {
    const label = base[i] ?? '';
    const former = u.formerParents?.map(unitLabel).join(', ');
    return { value: u.id, label: repeated.has(label) && former ? `${label} (${formerWord}: ${former})` : label };
  });
  const words = searchKey(typed).split(' ').filter(Boolean);
  // Whole words found, then typed words found side by side ("giang biên" in "Phường Giang Biên",
  // not split between "Đức Giang" and "Long Biên").
  const score = (label: string) => {
    const tokens = searchKey(label).split(/[\s—(),:]+/u);
    const has = new Set(tokens);
    const pairs = new Set(tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`));
    const whole = words.filter((w) => has.has(w)).length;
    const adjacent = words.slice(1).filter((w, i) => pairs.has(`${words[i]} ${w}`)).length;
    return whole * 100 + adjacent;
  };
  return labelled
    .map((o, i) => ({ o, i, s: score(o.label) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.o);
}
