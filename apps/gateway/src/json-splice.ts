import { randomBytes } from 'node:crypto';

/**
 * JSON text put into a response body as it is, without parsing it into objects and serialising them
 * again: a compiled read's answer comes from PostgreSQL as JSON text (the statement builds it), and
 * Apollo serialises the response with `JSON.stringify`. The text stands in the response as a
 * placeholder string; `apply` replaces the placeholder's JSON (quoted) with the text once the body
 * is written. A placeholder holds a per-process random part, so no value a client or the data can
 * put in a body is one; only the body of the request that made it is searched.
 */
const NONCE = randomBytes(12).toString('base64url');
let counter = 0;

export class JsonSplice {
  readonly #texts = new Map<string, string>();

  /** A placeholder for `text` (which must be JSON) in this request's response. */
  put(text: string): string {
    counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
    const placeholder = `\u0000coso-json:${NONCE}:${counter}`;
    this.#texts.set(JSON.stringify(placeholder), text);
    return placeholder;
  }

  /** The body with every placeholder replaced by its text (each stands once, where the value was). */
  apply(body: string): string {
    let out = body;
    for (const [quoted, text] of this.#texts) {
      const at = out.indexOf(quoted);
      if (at >= 0) out = out.slice(0, at) + text + out.slice(at + quoted.length);
    }
    return out;
  }
}

/** The JSON text of an object whose values are JSON texts already (undefined ones left out, as `JSON.stringify` leaves them). */
export function objectOfJsonTexts(values: Record<string, unknown>): string {
  const members: string[] = [];
  for (const [key, text] of Object.entries(values)) {
    if (text === undefined) continue;
    members.push(`${JSON.stringify(key)}:${text === null ? 'null' : String(text)}`);
  }
  return `{${members.join(',')}}`;
}
