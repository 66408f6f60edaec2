import { type Language, translator } from '../i18n/dictionary';
import { importMessages } from '../i18n/messages/imports';
import { fileNameFromDisposition } from '../report/export-file';
import { saveBlob } from '../report/use-report-export';
import { gatewayFailure, gatewayFetch } from '../session/gateway-fetch';
import { importFileType } from './import-file';

/**
 * The two HTTP calls of the wizard (apps/gateway/src/imports/routes.ts): the kind's template
 * downloaded, and a file uploaded as a new batch. Both with the session's token; the upload sends
 * the file's own content type, which passes the gateway's CSRF rule as `/graphql` does.
 */

export type HttpOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** The gateway's JSON error in the user's language, with its violations, else the status. */
async function failure(response: Response, language: Language): Promise<string> {
  const { text, details } = await gatewayFailure(response, language);
  if (text) return details.length ? `${text} ${details.join('; ')}` : text;
  return translator(language, [importMessages])('imports.httpFailed', { status: response.status });
}

/** Downloads `GET /imports/templates/<kind>.xlsx` and saves it under the server's name. */
export async function downloadTemplate(kind: string, language: Language): Promise<HttpOutcome<string>> {
  try {
    const response = await gatewayFetch(`/imports/templates/${encodeURIComponent(kind)}.xlsx`);
    if (!response.ok) return { ok: false, message: await failure(response, language) };
    const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), `mau-nhap-${kind}.xlsx`);
    saveBlob(await response.blob(), fileName);
    return { ok: true, value: fileName };
  } catch {
    return { ok: false, message: translator(language, [])('common.networkError') };
  }
}

/**
 * Downloads `GET /exports/templates/<kind>.xlsx?asOf=`: the kind's records the account may see, in
 * its template (masked as the API masks them; such a file says so and cannot be imported back).
 */
export async function downloadKindExport(kind: string, asOf: string, language: Language): Promise<HttpOutcome<string>> {
  try {
    const query = new URLSearchParams({ asOf });
    const response = await gatewayFetch(`/exports/templates/${encodeURIComponent(kind)}.xlsx?${query}`);
    if (!response.ok) return { ok: false, message: await failure(response, language) };
    const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), `du-lieu-${kind}-${asOf}.xlsx`);
    saveBlob(await response.blob(), fileName);
    return { ok: true, value: fileName };
  } catch {
    return { ok: false, message: translator(language, [])('common.networkError') };
  }
}

/** Uploads a file as a batch of `kind` (`POST /imports`): the new batch's id. */
export async function uploadImportFile(kind: string, file: File, language: Language): Promise<HttpOutcome<string>> {
  const type = importFileType(file.name);
  if (!type) return { ok: false, message: translator(language, [importMessages])('imports.upload.wrongType', { name: file.name }) };
  try {
    const query = new URLSearchParams({ kind, fileName: file.name });
    const response = await gatewayFetch(`/imports?${query}`, { method: 'POST', headers: { 'content-type': type }, body: file });
    if (!response.ok) return { ok: false, message: await failure(response, language) };
    const body = (await response.json()) as { id: string };
    return { ok: true, value: body.id };
  } catch {
    return { ok: false, message: translator(language, [])('common.networkError') };
  }
}
