const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id as the database keeps it (a UUID, any case): the one check the server, the CLI and the admin web share. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
