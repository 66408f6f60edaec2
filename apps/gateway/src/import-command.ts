import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  buildSchema,
  createRequestContext,
  IMPORT_KINDS,
  type ImportError,
  type ImportOutcome,
  importFile,
  type PrismaClient,
  UnreadableFile,
  ValidationError,
} from '@coso/schema';

/**
 * `coso import <file> --kind <kind> [--sheet <name>] [--dry-run] [--source <source>]`: the first bulk load of a
 * district, as the platform itself. The same engine as the upload (every row through the single
 * write's rules), in one transaction that also records the batch: a dry run, a file with any error,
 * or a process killed midway writes nothing. Errors go to stdout, one line per cell; progress to
 * stderr. Exit 0 when checked (dry run) or committed, 1 when the file has errors, 2 for usage.
 */
export interface ImportFlags {
  file: string | undefined;
  kind: string | undefined;
  dryRun: boolean;
  source: string | undefined;
  /** The workbook's sheet to read (default: the first whose header row matches the kind), as the upload and the wizard choose one. */
  sheet: string | undefined;
}

export const IMPORT_USAGE = `coso import <tệp / file> --kind <${IMPORT_KINDS.map((k) => k.name).join('|')}> [--sheet <trang tính / sheet>] [--dry-run] [--source <nguồn / source>]`;

export async function readImportFile(file: string): Promise<Buffer | string> {
  try {
    return await readFile(file);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    return `Không đọc được tệp "${file}" (${why}). / Cannot read the file "${file}" (${why}).`;
  }
}

export async function runImportCommand(
  prisma: PrismaClient,
  flags: ImportFlags & { file: string; kind: string },
  bytes: Buffer,
): Promise<number> {
  const ctx = await createRequestContext({ prisma, viewer: { kind: 'system' } });
  let outcome: ImportOutcome;
  try {
    outcome = await importFile(ctx, buildSchema(), {
      kind: flags.kind,
      fileName: basename(flags.file),
      bytes,
      source: flags.source,
      sheet: flags.sheet,
      dryRun: flags.dryRun,
      onRow: (done, total) => process.stderr.write(`… ${done}/${total}\n`),
    });
  } catch (error) {
    if (error instanceof UnreadableFile) {
      console.error(`${error.localized.vi}\n${error.localized.en}`);
      return 1;
    }
    if (error instanceof ValidationError) {
      for (const v of error.violations) console.error(`${v.message.vi}\n${v.message.en}`);
      return 2;
    }
    throw error;
  }
  if (outcome.errors.length > 0) {
    for (const e of outcome.errors) console.log(errorLine(e, outcome));
    console.log(`${outcome.errors.length} lỗi; không ghi gì. / ${outcome.errors.length} error(s); nothing was written.`);
    return 1;
  }
  const count = (action: string) => outcome.rows.filter((r) => r.action === action).length;
  const [created, updated, unchanged] = [count('CREATE'), count('UPDATE'), count('UNCHANGED')];
  console.log(
    flags.dryRun
      ? `Kiểm tra xong ${outcome.rows.length} dòng, không lỗi: ${created} tạo mới, ${updated} cập nhật, ${unchanged} không đổi; chưa ghi gì (--dry-run). / Checked ${outcome.rows.length} rows, no errors: ${created} to create, ${updated} to update, ${unchanged} unchanged; nothing written (--dry-run).`
      : `Đã nhập ${outcome.rows.length} dòng: ${created} tạo mới, ${updated} cập nhật, ${unchanged} không đổi. / Imported ${outcome.rows.length} rows: ${created} created, ${updated} updated, ${unchanged} unchanged.`,
  );
  return 0;
}

function errorLine(e: ImportError, outcome: ImportOutcome): string {
  const column = outcome.columns.find((c) => c.key === e.column);
  const where = [
    e.rowNumber === null ? 'Tệp / File' : `Dòng / Row ${e.rowNumber}`,
    ...(column ? [`cột / column "${column.label.vi}"`] : []),
  ].join(', ');
  return `${where} [${e.code}]: ${e.message.vi} / ${e.message.en}`;
}
