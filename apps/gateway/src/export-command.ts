import { writeFile } from 'node:fs/promises';
import { isIsoDate, todayInVietnam } from '@coso/domain';
import { buildSchema, createRequestContext, exportKindFile, IMPORT_KINDS, importKind, type PrismaClient } from '@coso/schema';

/**
 * `coso export <kind> [--as-of YYYY-MM-DD] [--out <file>]`: a kind's records in its import template,
 * as the platform itself reads them (the CLI holds the database: nothing is masked or left out),
 * so the file imports back unchanged (`coso import <file> --kind <kind>`), into this database or
 * an empty one. The API's `GET /exports/templates/<kind>.xlsx` is the same export with a viewer's rights.
 * Exit 0 when written, 2 for usage.
 */
export interface ExportFlags {
  kind: string | undefined;
  asOf: string | undefined;
  out: string | undefined;
}

export const EXPORT_USAGE = `coso export <${IMPORT_KINDS.map((k) => k.name).join('|')}> [--as-of YYYY-MM-DD] [--out <tệp / file>]`;

/** Why the flags cannot be run, in both languages; null when they can. */
export function exportUsageProblem(flags: ExportFlags): string | null {
  if (!flags.kind) return `Thiếu loại dữ liệu. / Missing the kind.\n${EXPORT_USAGE}`;
  if (!importKind(flags.kind)) return `Không có loại dữ liệu "${flags.kind}". / No kind "${flags.kind}".\n${EXPORT_USAGE}`;
  if (flags.asOf !== undefined && !isIsoDate(flags.asOf))
    return `--as-of phải là một ngày YYYY-MM-DD, không phải "${flags.asOf}". / --as-of must be a date, YYYY-MM-DD, not "${flags.asOf}".`;
  return null;
}

export async function runExportCommand(prisma: PrismaClient, flags: ExportFlags & { kind: string }): Promise<number> {
  const kind = importKind(flags.kind);
  if (!kind) return 2;
  buildSchema(); // registers the entities' writes, whose specs give the kinds' columns
  const asOf = flags.asOf ?? todayInVietnam();
  const ctx = await createRequestContext({ prisma, viewer: { kind: 'system' } });
  const file = await exportKindFile(ctx, kind, asOf);
  const out = flags.out ?? `${kind.name}-${asOf}.xlsx`;
  await writeFile(out, file.bytes);
  console.log(`Đã xuất ${file.rows} dòng vào ${out}. / Exported ${file.rows} rows to ${out}.`);
  return 0;
}
