import { type IsoDate, isActiveOn, sortVietnamese } from '@coso/domain';
import type { BoardBuildingQuery } from '../gql/graphql';
import type { KnownPerson } from './person-select';

type BuildingApartments = Extract<NonNullable<BoardBuildingQuery['node']>, { __typename: 'ApartmentBuilding' }>['apartments'];

/**
 * The people owning (or using) an apartment of the building on the date: the only people the
 * law lets sit on its board (BOARD_MEMBER_OWNER), so the member picker offers them first.
 */
export function ownersOf(apartments: BuildingApartments, on: IsoDate): KnownPerson[] {
  const byId = new Map<string, KnownPerson>();
  for (const apartment of apartments) {
    for (const o of apartment.ownerships) {
      if (isActiveOn(o, on) && !byId.has(o.person.id)) byId.set(o.person.id, { ...o.person, note: apartment.number });
    }
  }
  return sortVietnamese([...byId.values()], (p) => p.fullName);
}
