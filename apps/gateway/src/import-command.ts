import { open } from 'node:fs/promises';
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

/**
 * Why the file cannot be read, in both languages; null when it can. Only opened here: the import
 * reads it as a stream, a chunk of rows at a time (never the whole file in memory).
 */
export async function importFileProblem(file: string): Promise<string | null> {
  try {
    const handle = await open(file, 'r');
    try {
      if (!(await handle.stat()).isFile()) return `"${file}" không phải một tệp. / "${file}" is not a file.`;
    } finally {
      await handle.close();
    }
    return null;
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    return `Không đọc được tệp "${file}" (${why}). / Cannot read the file "${file}" (${why}).`;
  }
}

export async function runImportCommand(prisma: PrismaClient, flags: ImportFlags & { file: string; kind: string }): Promise<number> {
  const ctx = await createRequestContext({ prisma, viewer: { kind: 'system' } });
  let outcome: ImportOutcome;
  try {
    outcome = await importFile(ctx, buildSchema(), {
      kind: flags.kind,
      fileName: basename(flags.file),
      bytes: { path: flags.file },
      // Counts and errors are printed: no row's outcome is kept.
      keepRows: false,
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
  const { rows, create: created, update: updated, unchanged } = outcome.counts;
  console.log(
    flags.dryRun
      ? `Kiểm tra xong ${rows} dòng, không lỗi: ${created} tạo mới, ${updated} cập nhật, ${unchanged} không đổi; chưa ghi gì (--dry-run). / Checked ${rows} rows, no errors: ${created} to create, ${updated} to update, ${unchanged} unchanged; nothing written (--dry-run).`
      : `Đã nhập ${rows} dòng: ${created} tạo mới, ${updated} cập nhật, ${unchanged} không đổi. / Imported ${rows} rows: ${created} created, ${updated} updated, ${unchanged} unchanged.`,
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
