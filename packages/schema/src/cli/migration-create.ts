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
    `wrote ${result.dir}/migration.sql — review it, and append by hand what Prisma cannot express (see the -- coso: sections of earlier migrations).`,
  );
