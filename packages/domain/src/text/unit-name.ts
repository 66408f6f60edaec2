/**
 * A place as people say it: its kind word and name ("Phường Giang Biên", "Quận Long Biên"), or the
 * name alone when it already starts with its kind ("Tổ dân phố số 5", not "Tổ dân phố Tổ dân phố
 * số 5"). Compared in Vietnamese lower case, NFC.
 */
export function unitDisplayName(unit: { kindLabel?: string | null | undefined; name: string }): string {
  const kind = unit.kindLabel?.trim().normalize('NFC');
  const name = unit.name.normalize('NFC');
  if (!kind || name.toLocaleLowerCase('vi').startsWith(kind.toLocaleLowerCase('vi'))) return name;
  return `${kind} ${name}`;
}
