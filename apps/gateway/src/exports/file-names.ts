import { type DirectiveReport, foldDiacritics } from '@coso/domain';
import { scopeName } from './report-text.js';

export interface ExportFileName {
  /** Plain ASCII, for clients that do not read RFC 5987: `bao-cao-so-ket-05-TT-QU-quan-long-bien-2022-12-01.docx`. */
  ascii: string;
  /** With Vietnamese diacritics (NFC): `Báo cáo sơ kết 05-TT-QU Quận Long Biên 2022-12-01.docx`. */
  utf8: string;
}

/** The file name of an export: directive code, scope and as-of date, so two downloads never share a name. */
export function exportFileName(report: DirectiveReport, extension: 'docx' | 'xlsx'): ExportFileName {
  const code = report.directive.code.replace(/[^A-Za-z0-9]+/g, '-');
  const scope = scopeName(report);
  const utf8 = `Báo cáo sơ kết ${code} ${scope} ${report.asOf}.${extension}`.normalize('NFC');
  const ascii = `bao-cao-so-ket-${code}-${slug(scope)}-${report.asOf}.${extension}`;
  return { ascii, utf8: utf8.replace(/[\\/:*?"<>|]/g, '-') };
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 with RFC 5987):
 * browsers take the UTF-8 name, older clients the ASCII one.
 */
export function contentDisposition(name: ExportFileName): string {
  const ascii = name.ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name.utf8)}`;
}

function slug(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Percent-encodes everything outside RFC 5987's attr-char set. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
