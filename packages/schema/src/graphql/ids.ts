import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The database id behind a global ID of the expected type. Plain UUIDs are accepted too, so
 * analysts can paste ids from exports. A malformed or wrong-type id is a clear client error.
 */
export function dbId(id: string, typename: string): string {
  if (UUID.test(id)) return id;
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    throw badId(id, typename);
  }
  if (decoded.typename !== typename || !UUID.test(decoded.id)) throw badId(id, typename);
  return decoded.id;
}

export function dbIds(ids: readonly string[], typename: string): string[] {
  return ids.map((id) => dbId(id, typename));
}

function badId(id: string, typename: string): GraphQLError {
  return new GraphQLError(`Mã "${id}" không phải mã ${typename} hợp lệ. / "${id}" is not a valid ${typename} id.`, {
    extensions: { code: 'BAD_USER_INPUT', field: 'id' },
  });
}
