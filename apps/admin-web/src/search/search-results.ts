import { type IsoDate, ORGANIZATION_KIND_LABELS, type OrganizationKind, unitDisplayName } from '@coso/domain';
import type { Language } from '../i18n/dictionary';
import { type RecordPageType, recordPath } from '../lists/record-links';

/** A kind of record the header's search finds, in the order its groups are shown. */
export const SEARCH_KINDS = ['people', 'places', 'buildings', 'bodies'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** The record's page. */
  path: string;
  title: string;
  /** What tells it apart from a namesake: the ward, the kind of body, the birth year. */
  detail: string;
}

export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
  /** How many records matched (more than `hits` when the search should be narrowed). */
  total: number;
}

interface Place {
  name: string;
  kindLabel: string | null;
}

/** What the GlobalSearch query answers (the generated type, structurally). */
export interface GlobalSearchAnswer {
  people: { totalCount: number; nodes: readonly { id: string; fullName: string; birthYear: number | null }[] };
  units: { totalCount: number; nodes: readonly (Place & { id: string; parent: Place | null })[] };
  buildings: { totalCount: number; nodes: readonly { id: string; name: string; residentialGroup: Place }[] };
  organizations: { totalCount: number; nodes: readonly { id: string; name: string; kind: string }[] };
}

const placeName = (place: Place) => unitDisplayName(place);

function bodyKind(kind: string, language: Language): string {
  const label = ORGANIZATION_KIND_LABELS[kind as OrganizationKind];
  return label ? label[language] : '';
}

/** The answer as groups of links, in SEARCH_KINDS order, empty groups left out. */
export function searchGroups(answer: GlobalSearchAnswer, asOf: IsoDate, language: Language): SearchGroup[] {
  const path = (type: RecordPageType, id: string) => recordPath(type, id, asOf);
  const groups: Record<SearchKind, SearchGroup> = {
    people: {
      kind: 'people',
      total: answer.people.totalCount,
      hits: answer.people.nodes.map((p) => ({
        kind: 'people',
        path: path('Person', p.id),
        title: p.fullName,
        detail: p.birthYear === null ? '' : String(p.birthYear),
      })),
    },
    places: {
      kind: 'places',
      total: answer.units.totalCount,
      hits: answer.units.nodes.map((u) => ({
        kind: 'places',
        path: path('AdministrativeUnit', u.id),
        title: placeName(u),
        detail: u.parent ? placeName(u.parent) : '',
      })),
    },
    buildings: {
      kind: 'buildings',
      total: answer.buildings.totalCount,
      hits: answer.buildings.nodes.map((b) => ({
        kind: 'buildings',
        path: path('ApartmentBuilding', b.id),
        title: b.name,
        detail: placeName(b.residentialGroup),
      })),
    },
    bodies: {
      kind: 'bodies',
      total: answer.organizations.totalCount,
      hits: answer.organizations.nodes.map((o) => ({
        kind: 'bodies',
        path: path('Organization', o.id),
        title: o.name,
        detail: bodyKind(o.kind, language),
      })),
    },
  };
  return SEARCH_KINDS.map((kind) => groups[kind]).filter((group) => group.hits.length > 0);
}
