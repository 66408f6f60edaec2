import { ENTITY_LIST } from '../entities/definitions.js';
import { type Locate, type Location, locatorOf } from '../entities/places.js';

/**
 * Where a record is: the places (unit ids) it belongs to, and whether it reveals party
 * membership. Territorial access and party-data protection are decided from this. One batched
 * query per type per request (through DataLoader), however many records a response holds.
 * Derived from each entity's definition (`entities/definitions.ts`): a type has a locator because
 * it has places, not because it is listed here.
 */
export type { Location };

/** Records open to every signed-in viewer (directive documents, reorganisation decisions). */
export const PUBLIC_TYPES: ReadonlySet<string> = new Set(ENTITY_LIST.filter(([, d]) => d.visibility === 'public').map(([t]) => t));

export const LOCATORS: Readonly<Record<string, Locate>> = Object.fromEntries(
  ENTITY_LIST.flatMap(([type]) => {
    const locate = locatorOf(type);
    return locate ? [[type, locate]] : [];
  }),
);
