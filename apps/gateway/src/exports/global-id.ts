import { isUuid } from '@coso/domain';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The database id behind a plain UUID or a GraphQL global id (`base64("Directive:<uuid>")`, as the
 * API returns them) of the expected type; undefined for anything else. The same rule as the
 * schema's `dbId`, without its GraphQL error, so a URL can carry either form.
 */
export function databaseId(value: string, typename: string): string | undefined {
  if (isUuid(value)) return value.toLowerCase();
  if (!BASE64.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const id = decoded.slice(colon + 1);
  return colon > 0 && decoded.slice(0, colon) === typename && isUuid(id) ? id.toLowerCase() : undefined;
}
