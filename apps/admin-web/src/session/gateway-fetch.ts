import { type Language, serverErrorText } from '../i18n/dictionary';
import { readToken, SESSION_ENDED, sessionEvents } from './token-storage';

/**
 * A request to one of the gateway's HTTP endpoints besides `/graphql` (exports, import templates,
 * uploads): with the session's bearer token (a plain link could not send it), never cached, and a
 * 401 ends the session in the app as a GraphQL UNAUTHENTICATED does.
 */
export async function gatewayFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = readToken();
  const response = await fetch(path, {
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    cache: 'no-store',
  });
  if (response.status === 401) sessionEvents.dispatchEvent(new Event(SESSION_ENDED));
  return response;
}

/** What a refused request's JSON error says, in the user's language: its message and its violations' (none: not JSON). */
export async function gatewayFailure(response: Response, language: Language): Promise<{ text: string; details: string[] }> {
  const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };
  const first = body.errors?.[0];
  const details = ((first?.extensions?.violations as Array<{ message?: Record<Language, string> }> | undefined) ?? [])
    .map((v) => v.message?.[language])
    .filter((m): m is string => typeof m === 'string');
  return { text: first ? serverErrorText(first, language) : '', details };
}
