/**
 * A unit as people say it: "Phường Giang Biên" (kind label + name), but "Tổ dân phố số 5" alone
 * when the name already starts with its kind label.
 */
export function unitName(unit: { kindLabel?: string | null; name: string }): string {
  const label = unit.kindLabel?.trim();
  if (!label || unit.name.toLocaleLowerCase('vi').startsWith(label.toLocaleLowerCase('vi'))) return unit.name;
  return `${label} ${unit.name}`;
}
