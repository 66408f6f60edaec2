import { isUuid } from '@coso/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLError } from 'graphql';
import { recordIdOf } from '../use-cases/record-ids.js';
import { bilingualError } from './bilingual-error.js';

/** How much of a refused id an error message quotes (the rest is cut: input is not echoed unbounded). */
export const MAX_ID_SHOWN = 60;

/**
 * Every id that comes in from a client is decoded here: the id arguments of queries and mutations
 * (`dbId`) and `node(id:)` / `nodes(ids:)` (the relay plugin's `decodeGlobalID`, see builder.ts).
 * A global id is base64 of "Type:uuid". One that does not decode is a BAD_USER_INPUT error in
 * Vietnamese and English, never the library's or the database's message.
 */
export function decodeRecordId(globalId: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw badId(globalId);
  }
  if (!isUuid(decoded.id)) throw badId(globalId);
  return decoded;
}

/**
 * The database id behind a global ID of the expected type. Plain UUIDs are accepted too, so
 * analysts can paste ids from exports. A malformed or wrong-type id is a clear client error.
 */
export function dbId(id: string, typename: string): string {
  const found = recordIdOf(id, typename);
  if (found === undefined) throw badId(id, typename);
  return found;
}

export function dbIds(ids: readonly string[], typename: string): string[] {
  return ids.map((id) => dbId(id, typename));
}

/** The refused id as quoted in a message: at most MAX_ID_SHOWN characters, then "…". */
function shown(id: string): string {
  const chars = Array.from(id.slice(0, 2 * MAX_ID_SHOWN + 2));
  const cut = chars.length > MAX_ID_SHOWN ? `${chars.slice(0, MAX_ID_SHOWN).join('')}…` : id;
  return JSON.stringify(cut);
}

/** "Mã bản ghi không hợp lệ: … / Invalid record ID: …", naming the expected type when there is one. */
export function badId(id: string, typename?: string): GraphQLError {
  const quoted = shown(id);
  const [vi, en] = typename
    ? [` (cần mã loại ${typename}: mã toàn cục hoặc UUID)`, ` (expected type ${typename}: a global ID or a UUID)`]
    : ['', ''];
  return bilingualError(
    'BAD_USER_INPUT',
    { vi: `Mã bản ghi không hợp lệ: ${quoted}${vi}.`, en: `Invalid record ID: ${quoted}${en}.` },
    { field: 'id' },
  );
}
