import { writeFile } from 'node:fs/promises';
import { isIsoDate, todayInVietnam } from '@coso/domain';
import {
  accountViewer,
  buildSchema,
  createRequestContext,
  exportKindFile,
  IMPORT_KINDS,
  importKind,
  type PrismaClient,
  type Viewer,
} from '@coso/schema';

/**
 * `coso export <kind> [--as-of YYYY-MM-DD] [--as <account>] [--out <file>]`: a kind's records in its
 * import template. Without `--as`, as the platform itself reads them (the CLI holds the database:
 * nothing is masked or left out), so the file imports back unchanged (`coso import <file> --kind
 * <kind>`), into this database or an empty one. With `--as <account>`, as that account reads them:
 * the same `exportKindFile` with the account's viewer as `GET /exports/templates/<kind>.xlsx` gives
 * its session — its territory, party rights and masking. Exit 0 when written, 1 for an unknown,
 * locked or ended account, 2 for usage.
 */
export interface ExportFlags {
  kind: string | undefined;
  asOf: string | undefined;
  out: string | undefined;
  /** The account whose reading the file is (its username); none: the platform's own, unmasked. */
  as: string | undefined;
}

export const EXPORT_USAGE = `coso export <${IMPORT_KINDS.map((k) => k.name).join('|')}> [--as-of YYYY-MM-DD] [--as <tài khoản / account>] [--out <tệp / file>]`;

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
  let viewer: Viewer = { kind: 'system' };
  if (flags.as !== undefined) {
    const account = await accountViewer(prisma, flags.as);
    if (!account) {
      console.error(
        `Không có tài khoản "${flags.as}" đang hoạt động (không tồn tại, bị khóa hoặc đã kết thúc). / No active account "${flags.as}" (unknown, locked or ended).`,
      );
      return 1;
    }
    viewer = account;
  }
  const ctx = await createRequestContext({ prisma, viewer });
  const file = await exportKindFile(ctx, kind, asOf);
  const out = flags.out ?? `${kind.name}-${asOf}.xlsx`;
  await writeFile(out, file.bytes);
  const as = flags.as === undefined ? '' : ` (như ${flags.as} đọc / as ${flags.as} reads them)`;
  console.log(`Đã xuất ${file.rows} dòng vào ${out}${as}. / Exported ${file.rows} rows to ${out}${as}.`);
  if (file.withheld.maskedPeople + file.withheld.hiddenReferences + file.withheld.rowsLeftOut > 0)
    console.log(
      `Tệp có dữ liệu bị che hoặc lược bỏ theo quyền của ${flags.as}: không nhập lại được. / The file has data masked or left out by ${flags.as}'s rights: it cannot be imported back.`,
    );
  return 0;
}
