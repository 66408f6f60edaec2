import { checkOneBoardPerTarget, type Violation } from '@coso/domain';
import { loadSlice } from '../store/load-slice.js';
import type { Tx } from '../store/transaction.js';

/** BOARD_ONE_PER_BUILDING for a board being created or changed: the other boards of its building or complex, read in the transaction. */
export async function oneBoardPerTarget(tx: Tx, board: Readonly<Record<string, unknown>> & { id: string }): Promise<Violation[]> {
  const buildingId = typeof board.buildingId === 'string' ? board.buildingId : null;
  const complexId = typeof board.complexId === 'string' ? board.complexId : null;
  if (board.kind !== 'MANAGEMENT_BOARD' || (buildingId === null && complexId === null)) return [];
  const slice = await loadSlice(tx, {
    organizations: { kind: 'MANAGEMENT_BOARD', ...(buildingId ? { buildingId } : { complexId }) },
    buildings: { id: { in: buildingId ? [buildingId] : [] } },
    complexes: { id: { in: complexId ? [complexId] : [] } },
  });
  return checkOneBoardPerTarget(slice, {
    id: board.id,
    name: String(board.name ?? ''),
    kind: 'MANAGEMENT_BOARD',
    buildingId,
    complexId,
    validFrom: String(board.validFrom),
    validTo: typeof board.validTo === 'string' ? board.validTo : null,
  });
}
