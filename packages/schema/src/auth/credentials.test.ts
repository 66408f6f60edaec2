import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_PROBLEMS, readAuthorization, signInMessage } from './credentials.js';
import { newSessionToken } from './tokens.js';

/** How an `Authorization` header is read, over generated headers of each kind (the kind is how the header was built). */
describe('readAuthorization', () => {
  const base64url = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''));
  const token = fc.array(base64url, { minLength: 43, maxLength: 43 }).map((cs) => cs.join(''));
  const bearer = fc.constantFrom('Bearer', 'bearer', 'BEARER');
  const space = fc.constantFrom(' ', '  ', '\t');

  it('reads the token of "Bearer <token>" (any case of the scheme, spaces around)', () => {
    fc.assert(
      fc.property(bearer, space, token, space, (scheme, gap, t, trailing) => {
        expect(readAuthorization(`${scheme}${gap}${t}${trailing}`)).toEqual({ token: t });
      }),
    );
    // The form the gateway issues is the form it reads.
    const issued = newSessionToken().token;
    expect(readAuthorization(`Bearer ${issued}`)).toEqual({ token: issued });
  });

  it('MISSING: no header, or only spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom(undefined, null, ''), fc.array(space), (none, gaps) => {
        expect(readAuthorization(none === undefined || none === null ? none : gaps.join(''))).toEqual({ problem: 'MISSING' });
      }),
    );
  });

  it('WRONG_SCHEME: another scheme, or a bare token', () => {
    const scheme = fc.stringMatching(/^[A-Za-z][A-Za-z0-9:_-]{0,10}$/).filter((s) => s.toLowerCase() !== 'bearer');
    fc.assert(
      fc.property(scheme, space, token, (s, gap, t) => {
        expect(readAuthorization(`${s}${gap}${t}`)).toEqual({ problem: 'WRONG_SCHEME' });
      }),
    );
    fc.assert(
      fc.property(token, (t) => {
        expect(readAuthorization(t)).toEqual({ problem: 'WRONG_SCHEME' });
      }),
    );
  });

  it('MALFORMED: "Bearer" with nothing, or with something no session token looks like', () => {
    const wrongLength = fc
      .array(base64url, { maxLength: 80 })
      .filter((cs) => cs.length !== 43)
      .map((cs) => cs.join(''));
    const foreignChar = fc
      .tuple(token, fc.nat(42), fc.constantFrom('.', '=', '+', '/', 'é', '"'))
      .map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1));
    fc.assert(
      fc.property(bearer, fc.oneof(wrongLength, foreignChar), (scheme, t) => {
        expect(readAuthorization(`${scheme} ${t}`)).toEqual({ problem: 'MALFORMED' });
      }),
    );
  });

  it('every kind has its own reason, and every message says how to sign in, in both languages', () => {
    const reasons = new Set<string>();
    for (const problem of CREDENTIAL_PROBLEMS) {
      const { vi, en } = signInMessage(problem);
      expect(vi.normalize('NFC')).toBe(vi);
      for (const text of [vi, en]) {
        expect(text).toContain('login(username, password)');
        expect(text).toContain('POST /graphql');
        expect(text).toContain('Authorization: Bearer <token>');
      }
      reasons.add(en);
    }
    expect(reasons.size).toBe(CREDENTIAL_PROBLEMS.length);
  });
});
