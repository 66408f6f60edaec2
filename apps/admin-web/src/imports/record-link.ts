import { recordPathOrNull } from '../lists/record-links';

/**
 * The page of a record an import wrote, from its global id (base64 of "Type:uuid", as the API
 * encodes every id); null for a type without a page (a membership) or an id that is not one.
 */
export function importedRecordPath(globalId: string): string | null {
  let decoded: string;
  try {
    decoded = atob(globalId);
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return recordPathOrNull(decoded.slice(0, colon), globalId);
}
