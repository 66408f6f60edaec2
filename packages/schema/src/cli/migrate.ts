#!/usr/bin/env node
// npm run db:migrate: applies pending migrations to DATABASE_URL.
import { applyMigrations } from '../database/migrate.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (npm start applies migrations to the embedded database by itself.)');
  process.exit(2);
}
const report = await applyMigrations(url, { log: (l) => console.log(l) });
console.log(`migrations: ${report.applied.length} applied, ${report.alreadyApplied} already applied`);
