import { useCallback, useState } from 'react';
import { type Language, translator } from '../../i18n/dictionary';
import { listExportMessages } from '../../i18n/messages/list-export';
import { fileNameFromDisposition } from '../../report/export-file';
import { readWithProgress, saveBlob } from '../../report/use-report-export';
import { gatewayFailure, gatewayFetch } from '../../session/gateway-fetch';
import { type ListExportFormat, type ListExportRequest, listExportBody } from './list-export';

export type ListExportState =
  | { phase: 'idle' }
  | { phase: 'preparing'; format: ListExportFormat }
  | { phase: 'downloading'; format: ListExportFormat; received: number }
  | { phase: 'done'; format: ListExportFormat; fileName: string }
  | { phase: 'failed'; format: ListExportFormat; message: string };

/** Posts a list export with the session's token, then saves the file under the server's name. */
export function useListExport(language: Language) {
  const [state, setState] = useState<ListExportState>({ phase: 'idle' });
  const run = useCallback(
    async (format: ListExportFormat, request: ListExportRequest) => {
      const t = translator(language, [listExportMessages]);
      setState({ phase: 'preparing', format });
      try {
        const response = await gatewayFetch(`/exports/list.${format}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: listExportBody(request),
        });
        if (!response.ok) {
          const { text } = await gatewayFailure(response, language);
          setState({ phase: 'failed', format, message: text || t('listExport.failed', { status: response.status }) });
          return;
        }
        const blob = await readWithProgress(response, (received) => setState({ phase: 'downloading', format, received }));
        const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), `danh-sach.${format}`);
        saveBlob(blob, fileName);
        setState({ phase: 'done', format, fileName });
      } catch {
        setState({ phase: 'failed', format, message: translator(language, [])('common.networkError') });
      }
    },
    [language],
  );
  return { state, run };
}
