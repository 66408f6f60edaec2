import { PARTY_ORGANIZATION_KINDS } from '@coso/domain';
import type { EntityType } from '../entities/definitions.js';
import { notPartyWhere } from '../entities/places.js';
import type { Context } from './context.js';

/**
 * What a response leaves out because of the viewer's role, so an answer is never silently short
 * (issue #17): every list, filter and aggregate that narrows what it reads by role says so here, and
 * the executors (gateway, test harness) put the notes in the response's `extensions.hidden`.
 * A note names the record type and why: `PARTY` (records that would reveal party membership: posts
 * in party bodies, for roles without party rights) or `TERRITORY` (records outside the viewer's
 * district or ward). It says rows may be missing, not how many (that would need a second count).
 */
export interface HiddenNote {
  type: string;
  reason: 'PARTY' | 'TERRITORY';
  /** For `PARTY` notes on posts: the organisation kinds whose posts are left out. */
  kinds?: readonly string[];
  /** For `PARTY` notes on findings: the rule codes left out. */
  codes?: readonly string[];
  vi: string;
  en: string;
}

const notes = new WeakMap<object, Map<string, HiddenNote>>();

function note(ctx: Context, n: HiddenNote): void {
  let byKey = notes.get(ctx);
  if (!byKey) {
    byKey = new Map();
    notes.set(ctx, byKey);
  }
  byKey.set(`${n.type}:${n.reason}`, n);
}

/** Records what `ctx.access.readWhere(type)` leaves out, as a list or a count reads through it. */
export function noteReadScope(ctx: Context, type: EntityType): void {
  if (!ctx.access.seesParty && notPartyWhere(type)) noteParty(ctx, type);
  if (ctx.access.territory())
    note(ctx, {
      type,
      reason: 'TERRITORY',
      vi: `Chỉ gồm bản ghi ${type} trong địa bàn của tài khoản; bản ghi ngoài địa bàn bị loại.`,
      en: `Only ${type} records within your territory; those outside it are left out.`,
    });
}

/** Posts in party bodies left out (a membership list, a count of post holders) for a role without party rights. */
export function noteParty(ctx: Context, type: string): void {
  note(ctx, {
    type,
    reason: 'PARTY',
    kinds: PARTY_ORGANIZATION_KINDS,
    vi: `Bản ghi ${type} cho biết ai là đảng viên (chức vụ trong chi bộ, đảng ủy) chỉ dành cho cán bộ tổ chức đảng; chúng bị loại khỏi kết quả này.`,
    en: `${type} records that reveal party membership (posts in party cells and committees) are for party-organisation roles only; they are left out of this answer.`,
  });
}

/** Findings that state party facts (`codes`) left out for a role without party rights. */
export function notePartyFindings(ctx: Context, codes: readonly string[]): void {
  note(ctx, {
    type: 'Finding',
    reason: 'PARTY',
    codes,
    vi: `Các tồn tại ${codes.join(', ')} nêu thông tin đảng viên, chỉ dành cho cán bộ tổ chức đảng; chúng bị loại khỏi kết quả này.`,
    en: `Findings ${codes.join(', ')} state party facts and are for party-organisation roles only; they are left out of this answer.`,
  });
}

/**
 * Runs `work` with the request's notes set aside and returns what it noted, which then joins the
 * request's notes (in the order noting them one by one would give); when `work` throws, nothing it
 * noted stays. `addNotes` notes such a list again (a compiled statement taken from its cache).
 */
export function notedBy<T>(ctx: Context, work: () => T): { value: T; noted: HiddenNote[] } {
  const before = notes.get(ctx);
  notes.delete(ctx);
  let noted: HiddenNote[] = [];
  let value: T;
  try {
    value = work();
    noted = [...(notes.get(ctx)?.values() ?? [])];
  } finally {
    if (before) notes.set(ctx, before);
    else notes.delete(ctx);
  }
  addNotes(ctx, noted);
  return { value, noted };
}

export function addNotes(ctx: Context, list: readonly HiddenNote[]): void {
  for (const n of list) note(ctx, n);
}

/** The notes so far; the function returned puts them back (work that noted more was abandoned: a compiled read falling back). */
export function keepNotes(ctx: object): () => void {
  const before = notes.get(ctx);
  const copy = before ? new Map(before) : undefined;
  return () => {
    if (copy) notes.set(ctx, copy);
    else notes.delete(ctx);
  };
}

/** The notes of a request, for `extensions.hidden` (undefined when nothing was left out). */
export function hiddenRecords(ctx: object): HiddenNote[] | undefined {
  const byKey = notes.get(ctx);
  return byKey?.size ? [...byKey.values()] : undefined;
}
