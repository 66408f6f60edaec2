/** The files the import reads (the gateway's read-file: .xlsx through exceljs, .csv through csv-parse). */
export const IMPORT_FILE_ACCEPT = '.xlsx,.csv';

const TYPES: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The content type to upload a file with, by its extension (any case); null for a file the import cannot read. */
export function importFileType(fileName: string): string | null {
  const extension = /\.([^./\\]+)$/u.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  return TYPES[extension] ?? null;
}
