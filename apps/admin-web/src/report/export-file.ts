/**
 * The file name a `content-disposition` header gives: the RFC 5987 `filename*=UTF-8''…` (with
 * Vietnamese diacritics) before the plain `filename="…"`, else `fallback`.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim()).normalize('NFC');
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
  return plain?.trim() ? plain.trim() : fallback;
}

/** What the officer enters for the Word document (gateway: `parseDocumentParams`). */
export interface DocumentFields {
  number?: string | undefined;
  /** One a line. */
  recipients?: string | undefined;
  signerPosition?: string | undefined;
  signerName?: string | undefined;
}

/** The export's address: `/exports/directive-report.<format>?directiveId=&scopeId=&to=[&from=]`, plus the document's fields when given. */
export function exportUrl(
  format: 'docx' | 'xlsx',
  params: { directiveId: string; scopeId: string; to: string; from?: string | null | undefined; document?: DocumentFields | undefined },
): string {
  const query = new URLSearchParams({ directiveId: params.directiveId, scopeId: params.scopeId, to: params.to });
  if (params.from) query.set('from', params.from);
  for (const [name, value] of Object.entries(params.document ?? {})) if (value?.trim()) query.set(name, value.trim());
  return `/exports/directive-report.${format}?${query}`;
}
