import { bilingualError } from '../graphql/bilingual-error.js';

/**
 * Stops a computation whose client has gone away: checked between statements, so an abandoned
 * report issues no further statement. The error is what the client would see if it still listened.
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw requestAborted();
}

export function requestAborted(): Error {
  return bilingualError('REQUEST_ABORTED', {
    vi: 'Yêu cầu đã bị hủy: máy khách đã ngắt kết nối trước khi báo cáo tính xong',
    en: 'The request was abandoned: the client disconnected before the report was computed',
  });
}
