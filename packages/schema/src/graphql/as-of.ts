import type { Context } from './context.js';

/** The date a field answers as of: its own argument, else the operation's, else today. */
export function resolveAsOf(asOf: string | null | undefined, ctx: Context): string {
  return asOf ?? ctx.defaultAsOf ?? ctx.today;
}

export const AS_OF_DESCRIPTION =
  'Ngày xem dữ liệu / The date to answer as of (validFrom ≤ asOf < validTo). Default: the asOf of the root field, else today (Hanoi time).';
