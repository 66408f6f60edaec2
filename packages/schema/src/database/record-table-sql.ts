import { ENTITY_LIST, LOG_MODELS } from '../entities/definitions.js';

/**
 * What every record table gets beyond what Prisma writes, appended by `db:migration:create` to the
 * tables a new migration creates, so a new entity's migration needs no hand edit:
 * - a dated record table (`valid_from`, `valid_to`): its `<table>_period` check (ends after it starts);
 * - the database's audit and version triggers (`coso_audit_table`, migration audit_by_trigger),
 *   under its model's name, or its owner's for a link table (a definition's `links`: the entry
 *   names the owner's id) — unless its model is a log (`LOG_MODELS`, each with its reason).
 */
export function recordTableSql(sql: string, schemaText: string): string {
  const models = new Map(
    [...schemaText.matchAll(/^model (\w+) \{([\s\S]*?)@@map\("(\w+)"\)/gm)].map((m) => [
      m[3] as string,
      { name: m[1] as string, body: m[2] as string },
    ]),
  );
  const created = [...sql.matchAll(/^CREATE TABLE "(\w+)" \(([\s\S]*?)\n\);/gm)].map((m) => ({
    table: m[1] as string,
    dated: /^\s*"valid_from" /m.test(m[2] as string) && /^\s*"valid_to" /m.test(m[2] as string),
  }));
  const isLog = (table: string) => (models.get(table)?.name ?? table) in LOG_MODELS;
  const periods = created
    .filter((t) => t.dated && !isLog(t.table))
    .map(({ table }) => `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");`);
  const audits = created.flatMap(({ table }) => {
    const model = models.get(table);
    const name = model?.name ?? table;
    if (name in LOG_MODELS) return [];
    const owner = ENTITY_LIST.find(([, d]) => d.links?.includes(name))?.[0];
    if (!owner || !model) return [`SELECT coso_audit_table('${table}', '${name}');`];
    return [`SELECT coso_audit_table('${table}', '${owner}', '${ownerColumn(model.body, owner)}');`];
  });
  return [
    ...(periods.length ? ['', '-- coso: a dated record ends after it starts.', ...periods] : []),
    ...(audits.length
      ? [
          '',
          '-- coso: every record table is audited and versioned by the database (a log table is listed in',
          '-- LOG_MODELS, packages/schema/src/entities/definitions.ts, instead).',
          ...audits,
        ]
      : []),
    ...(periods.length || audits.length ? [''] : []),
  ].join('\n');
}

/** The column of a link table that holds its owner's id (the owner relation's foreign key). */
function ownerColumn(body: string, owner: string): string {
  const field = new RegExp(`^\\s*\\w+\\s+${owner}\\s+@relation\\([^)]*fields:\\s*\\[(\\w+)\\]`, 'm').exec(body)?.[1];
  if (!field) throw new Error(`A link to ${owner} without a relation to it`);
  return new RegExp(`^\\s*${field}\\s+\\S+.*@map\\("(\\w+)"\\)`, 'm').exec(body)?.[1] ?? field;
}
