/**
 * The session token lives in sessionStorage: it is sent as `Authorization: Bearer …`, survives a
 * reload, and ends with the browser tab (nothing is left on a shared intranet computer).
 */
const TOKEN_KEY = 'coso.session';

export function readToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function writeToken(token: string): void {
  window.sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  try {
    window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing stored
  }
}

/** Fired when the server says the session is gone (expired, ended, account disabled). */
export const sessionEvents = new EventTarget();
export const SESSION_ENDED = 'session-ended';
