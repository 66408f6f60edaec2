import type { ArgBuilder, SchemaTypes } from '@pothos/core';
import type { builder } from './builder.js';
import type { Context } from './context.js';

/** The date a field answers as of: its own argument, else the operation's, else today. */
export function resolveAsOf(asOf: string | null | undefined, ctx: Context): string {
  return asOf ?? ctx.defaultAsOf ?? ctx.today;
}

export const AS_OF_DESCRIPTION =
  'Ngày xem dữ liệu / The date to answer as of (validFrom ≤ asOf < validTo). Default: the asOf of the root field, else today (Hanoi time).';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;

/** The optional `asOf: Date` argument every dated field takes (pass the field builder's `t.arg`). */
export function asOfArg(arg: ArgBuilder<Types>) {
  return arg({ type: 'Date', required: false, description: AS_OF_DESCRIPTION });
}
