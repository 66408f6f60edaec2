import type { LocalizedText } from '@coso/domain';

/**
 * Why a request runs anonymously: it sent no credential, or one that opens no session. Told back
 * in the UNAUTHENTICATED error (GraphQL and the HTTP endpoints alike) together with how to sign in,
 * so a script whose token expired learns that, not only "sign in". It tells nothing to anyone but
 * the holder of the token: a guessed token is UNKNOWN, whatever accounts exist.
 */
export type CredentialProblem =
  /** No `Authorization` header. */
  | 'MISSING'
  /** An `Authorization` header of another scheme (`Basic …`, `Token …`, a bare token). */
  | 'WRONG_SCHEME'
  /** `Bearer` followed by something no session token looks like. */
  | 'MALFORMED'
  /** A well-formed token of no session (never issued here, or from another installation). */
  | 'UNKNOWN'
  /** The session's 12 hours are over. */
  | 'EXPIRED'
  /** The session was ended: signed out, or its account was changed, locked or ended. */
  | 'REVOKED';

export const CREDENTIAL_PROBLEMS: readonly CredentialProblem[] = ['MISSING', 'WRONG_SCHEME', 'MALFORMED', 'UNKNOWN', 'EXPIRED', 'REVOKED'];

/** Session tokens are 32 random bytes in base64url (tokens.ts): 43 characters. */
const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The token of an `Authorization` header, or why there is none to look up. */
export function readAuthorization(header: string | undefined | null): { token: string } | { problem: CredentialProblem } {
  if (header === undefined || header === null || header.trim() === '') return { problem: 'MISSING' };
  const bearer = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  if (!bearer) return { problem: 'WRONG_SCHEME' };
  const token = (bearer[1] ?? '').trim();
  return SESSION_TOKEN.test(token) ? { token } : { problem: 'MALFORMED' };
}

/** What every UNAUTHENTICATED error carries besides its message: where and how to sign in. */
export const SIGN_IN = {
  mutation: 'login(username: String!, password: String!)',
  endpoint: 'POST /graphql',
  header: 'Authorization: Bearer <token>',
} as const;

const WHY: Record<CredentialProblem, LocalizedText> = {
  MISSING: { vi: 'Cần đăng nhập.', en: 'Sign in first.' },
  WRONG_SCHEME: {
    vi: 'Header Authorization không phải dạng "Bearer <token>".',
    en: 'The Authorization header is not of the form "Bearer <token>".',
  },
  MALFORMED: {
    vi: 'Token sau "Bearer" không phải token phiên đăng nhập (43 ký tự A–Z, a–z, 0–9, "-" và "_").',
    en: 'The token after "Bearer" is not a session token (43 characters of A–Z, a–z, 0–9, "-" and "_").',
  },
  UNKNOWN: { vi: 'Token không thuộc phiên đăng nhập nào.', en: 'The token belongs to no session.' },
  EXPIRED: { vi: 'Phiên đăng nhập đã hết hạn (mỗi phiên 12 giờ).', en: 'The session has expired (a session lasts 12 hours).' },
  REVOKED: {
    vi: 'Phiên đăng nhập đã kết thúc (đăng xuất, hoặc tài khoản đã được sửa, khóa hay chấm dứt).',
    en: 'The session was ended (signed out, or the account was changed, locked or ended).',
  },
};

/** The message of an UNAUTHENTICATED answer: why, then how to sign in (the mutation, the endpoint, the header). */
export function signInMessage(problem: CredentialProblem): LocalizedText {
  const why = WHY[problem];
  return {
    vi: `${why.vi} Đăng nhập bằng mutation login(username, password) tại POST /graphql, rồi gửi token nhận được trong header "Authorization: Bearer <token>".`,
    en: `${why.en} Sign in with the mutation login(username, password) on POST /graphql, then send the token it answers in the header "Authorization: Bearer <token>".`,
  };
}
