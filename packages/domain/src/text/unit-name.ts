import type { UnitKind } from '../model/places.js';

const DEFAULT_KIND_LABEL: Record<UnitKind, string> = {
  PROVINCE: 'Thành phố',
  DISTRICT: 'Quận',
  WARD: 'Phường',
  COMMUNE: 'Xã',
  RESIDENTIAL_GROUP: 'Tổ dân phố',
};

/** The kind word of a unit ("Phường", "Quận", "Huyện"): its own label when it has one, else its kind's. */
export function kindWord(unit: { kind?: UnitKind | undefined; kindLabel?: string | null | undefined }): string {
  const own = unit.kindLabel?.trim().normalize('NFC');
  return own || (unit.kind ? DEFAULT_KIND_LABEL[unit.kind] : '');
}

/**
 * A place as people say it: its kind word and name ("Phường Giang Biên", "Quận Long Biên"), or the
 * name alone when it already starts with its kind ("Tổ dân phố số 5", not "Tổ dân phố Tổ dân phố
 * số 5"). Compared in Vietnamese lower case, NFC. The one naming of places: reports, findings,
 * exports and the admin web all use it.
 */
export function unitDisplayName(unit: { kind?: UnitKind | undefined; kindLabel?: string | null | undefined; name: string }): string {
  const kind = kindWord(unit);
  const name = unit.name.normalize('NFC');
  if (!kind || name.toLocaleLowerCase('vi').startsWith(kind.toLocaleLowerCase('vi'))) return name;
  return `${kind} ${name}`;
}
