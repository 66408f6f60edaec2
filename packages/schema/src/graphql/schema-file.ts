import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed SDL: the contract analysts and the admin web's generated types build on. */
export const SCHEMA_GRAPHQL_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema.graphql');
