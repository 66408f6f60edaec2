import { useCallback, useState } from 'react';
import { type Language, translate, translator } from '../i18n/dictionary';
import { reportMessages } from '../i18n/messages/report';
import { gatewayFailure, gatewayFetch } from '../session/gateway-fetch';
import { type DocumentFields, exportUrl, fileNameFromDisposition } from './export-file';

export type ExportFormat = 'docx' | 'xlsx';

export type ExportState =
  | { phase: 'idle' }
  /** The server is making the file (no byte yet). */
  | { phase: 'preparing'; format: ExportFormat }
  /** Bytes arriving; `percent` when the size is known. */
  | { phase: 'downloading'; format: ExportFormat; percent: number | null; received: number }
  | { phase: 'done'; format: ExportFormat; fileName: string }
  | { phase: 'failed'; format: ExportFormat; message: string };

export interface ExportParams {
  directiveId: string;
  scopeId: string;
  to: string;
  from?: string | null;
  /** The Word document's number, recipients and signer. */
  document?: DocumentFields;
}

/**
 * Downloads an export with the session's bearer token (a plain link could not send it): the
 * request, the bytes with their progress, then the file saved under the server's name.
 */
export function useReportExport(language: Language) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });

  const run = useCallback(
    async (format: ExportFormat, params: ExportParams) => {
      setState({ phase: 'preparing', format });
      try {
        const response = await gatewayFetch(exportUrl(format, params));
        if (!response.ok) {
          setState({ phase: 'failed', format, message: await failureText(response, language) });
          return;
        }
        const blob = await readWithProgress(response, (received, percent) => setState({ phase: 'downloading', format, received, percent }));
        const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), `directive-report.${format}`);
        saveBlob(blob, fileName);
        setState({ phase: 'done', format, fileName });
      } catch {
        setState({ phase: 'failed', format, message: translate(language, 'common.networkError') });
      }
    },
    [language],
  );

  return { state, run, reset: () => setState({ phase: 'idle' }) };
}

export async function readWithProgress(response: Response, onProgress: (received: number, percent: number | null) => void): Promise<Blob> {
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const total = Number(response.headers.get('content-length')) || null;
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total ? Math.min(100, Math.floor((received * 100) / total)) : null);
  }
  return new Blob(chunks, { type });
}

/** The export's JSON error, in the user's language (the gateway sends `extensions.localizedMessage`), else the status. */
async function failureText(response: Response, language: Language): Promise<string> {
  const { text } = await gatewayFailure(response, language);
  return text || translator(language, [reportMessages])('report.export.failed', { status: response.status });
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the next tick frees the memory.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
