#!/usr/bin/env node
// npm run db:migration:create -w @coso/schema -- <name>
import { createMigration } from '../database/create-migration.js';
import { withDatabase } from './with-database.js';

const name = process.argv[2];
if (!name) {
  console.error('usage: npm run db:migration:create -w @coso/schema -- <name>   (lower-case, e.g. add_person_email)');
  process.exit(2);
}
const result = await withDatabase((url) => createMigration(url, name));
if (result === null) console.log('schema.prisma has no change that a migration does not already cover.');
else
  console.log(
    `wrote ${result.dir}/migration.sql, with each new table's period check and audit triggers — review it; a constraint Prisma cannot express (an exclusion, a check) is appended by hand under a -- coso: heading.`,
  );
