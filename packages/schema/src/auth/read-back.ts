import { columnLabel, type LocalizedText, type Violation } from '@coso/domain';
import { modelFacts } from '../entities/data-model.js';
import { definitionOf, type EntityType, isEntityType, type Place } from '../entities/definitions.js';
import type { Tx } from '../store/transaction.js';
import type { Access } from './access.js';
import { isTerritorial } from './viewer.js';

/**
 * No write its author cannot read. Before a transaction commits, every record it changed (its audit
 * entries name them: the mutation's own record and whatever a workflow wrote with it) must meet the
 * author's read condition — read inside the transaction, so a place created by the same write counts.
 * Otherwise the write is refused with what is missing and nothing is kept: a ward officer's person
 * without a residence in the ward, a body serving no place of theirs, would be written and then be
 * FORBIDDEN to the one who wrote it ("every mutation answers with what it wrote").
 */
export interface ChangedRecord {
  entityType: string;
  entityId: string;
}

type FindIds = { findMany(args: object): Promise<Array<{ id: string }>> };

/** Whether the viewer's writes need reading back: a territory, or no party rights (others read everything). */
export function readsBackNeeded(access: Access): boolean {
  return isTerritorial(access.viewer) || !access.seesParty;
}

/** The changed records the author may not read, by type (none for viewers who read everything). */
export async function unreadableAfterWrite(tx: Tx, access: Access, changed: readonly ChangedRecord[]): Promise<Map<EntityType, string[]>> {
  const out = new Map<EntityType, string[]>();
  if (!readsBackNeeded(access)) return out;
  const byType = new Map<EntityType, Set<string>>();
  for (const c of changed) {
    // Public documents are read by every signed-in viewer; accounts and logs have no place.
    if (!isEntityType(c.entityType) || definitionOf(c.entityType).visibility !== 'territorial') continue;
    const ids = byType.get(c.entityType) ?? new Set<string>();
    ids.add(c.entityId);
    byType.set(c.entityType, ids);
  }
  for (const [type, ids] of byType) {
    const where = access.readWhere(type);
    const always = !access.seesParty && definitionOf(type).party === 'always';
    const delegate = (tx as unknown as Record<string, FindIds>)[modelFacts(type).delegate];
    if (!delegate) continue;
    const found = always ? [] : await delegate.findMany({ where: { AND: [{ id: { in: [...ids] } }, where] }, select: { id: true } });
    const seen = new Set(found.map((r) => r.id));
    const lost = [...ids].filter((id) => !seen.has(id));
    if (lost.length) out.set(type, lost);
  }
  return out;
}

/** What places a record of the type: the fields a writer fills in to put it in their territory. */
function placeWords(type: EntityType): LocalizedText {
  const labels: LocalizedText[] = [];
  for (const place of definitionOf(type).places ?? []) {
    const path = 'unit' in place ? place.unit : 'body' in place ? place.body : '';
    const label = placeLabel(place, path);
    if (label && !labels.some((l) => l.vi === label.vi)) labels.push(label);
  }
  return {
    vi: labels.map((l) => l.vi.toLowerCase()).join(' hoặc ') || 'địa bàn',
    en: labels.map((l) => l.en.toLowerCase()).join(' or ') || 'place',
  };
}

function placeLabel(place: Place, path: string): LocalizedText | undefined {
  if ('self' in place) return columnLabel('parentId');
  const steps = path.split('.').filter((s) => s !== '');
  const last = steps.at(-1);
  if ('body' in place) return last ? columnLabel(`${last}Id`) : columnLabel('unitIds');
  return (last ? columnLabel(last) : undefined) ?? (steps[0] ? columnLabel(steps[0]) : undefined);
}

/** The code of a write its author could not read back. */
export const READ_BACK_CODE = 'WRITE_OUTSIDE_OWN_READ';

/** The refusal: which record, and what would put it where its author may read it. */
export function unreadableWriteViolations(lost: ReadonlyMap<EntityType, readonly string[]>): Violation[] {
  return [...lost.keys()].map((type) => {
    const { label } = definitionOf(type);
    const where = placeWords(type);
    return {
      code: READ_BACK_CODE,
      severity: 'error',
      path: ['input'],
      message: {
        vi: `${capitalise(label.vi)} bạn ghi phải nằm trong địa bàn của bạn (${where.vi} trong địa bàn): nếu không, bạn sẽ không xem lại được bản ghi này. Chưa ghi gì.`,
        en: `A ${label.en} you write must lie in your area (its ${where.en} in your area): otherwise you could not read it back. Nothing was written.`,
      },
    };
  });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
