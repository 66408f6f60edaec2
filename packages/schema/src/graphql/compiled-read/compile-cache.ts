import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { HiddenNote } from '../hidden-records.js';
import type { CompiledRead } from './roots.js';

/**
 * A root field's compilation, kept for the next request that asks the same: the statement (or that
 * the selection is not compiled) and the notes of what it hides. Compiling walks the selection and
 * writes every level's condition again (the district officer's territory: 62 bind parameters), about
 * a millisecond of the gateway's CPU per request on the nested read; the statement's text is already
 * what PostgreSQL keeps prepared (prepared-read.ts).
 *
 * The key holds everything compilation reads, so an entry is the compilation's own answer: the
 * operation's text, name and the field's response key (its selection), its variables, whether the
 * objects are marked, and from the request the viewer (account, role, scope, party rights), today,
 * the operation's date and the territory's scope and day. Anything else (the arguments after their
 * mappers, the input bounds' verdict) follows from these.
 */
export type CompiledEntry = { compiled: CompiledRead; noted: readonly HiddenNote[] } | { notCompiled: true };

const MAX_ENTRIES = 256;
const entries = new Map<string, CompiledEntry>();

/** The entry's key; undefined for a document without its source text (not cached). */
export function compileKey(info: GraphQLResolveInfo, ctx: Context, marked: boolean): string | undefined {
  const source = info.operation.loc?.source.body;
  if (source === undefined) return undefined;
  return JSON.stringify([
    source,
    info.operation.name?.value ?? null,
    info.path.key,
    marked,
    info.variableValues,
    ctx.viewer,
    ctx.today,
    ctx.defaultAsOf ?? null,
    ctx.access.territory(),
  ]);
}

export function cachedCompile(key: string | undefined): CompiledEntry | undefined {
  if (key === undefined) return undefined;
  const entry = entries.get(key);
  if (entry) {
    // Most recently used last: the oldest goes first when full.
    entries.delete(key);
    entries.set(key, entry);
  }
  return entry;
}

export function keepCompile(key: string | undefined, entry: CompiledEntry): void {
  if (key === undefined) return;
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}
