import { isUuid } from '@coso/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';

/**
 * The database id behind a plain UUID or a global id (base64 of "Type:uuid", as the API returns
 * them) of the expected type; undefined for anything else. The one reading of an incoming id: the
 * API's `dbId` answers undefined with its typed error, a URL parameter with its 400.
 */
export function recordIdOf(value: string, typename: string): string | undefined {
  const trimmed = value.trim();
  if (isUuid(trimmed)) return trimmed.toLowerCase();
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(trimmed);
  } catch {
    return undefined;
  }
  return decoded.typename === typename && isUuid(decoded.id) ? decoded.id.toLowerCase() : undefined;
}
