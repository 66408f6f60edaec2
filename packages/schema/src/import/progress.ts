/**
 * How far a running import has got, readable while it runs (`importBatch(id) { progress }`): the
 * rows are checked inside one transaction that nobody else can see until it commits, so the count
 * is kept here, in the gateway process that runs it (one entry per running batch, removed when it
 * ends — a batch's progress is asked of the gateway that runs it; docs/scale.md lists such state).
 */
export interface ImportProgress {
  batchId: string;
  /** COMMIT for a commit, PREVIEW for a dry run. */
  phase: 'PREVIEW' | 'COMMIT';
  done: number;
  total: number;
}

const running = new Map<string, ImportProgress>();

export function startProgress(batchId: string, phase: ImportProgress['phase'], total: number): ImportProgress {
  const p = { batchId, phase, done: 0, total };
  running.set(batchId, p);
  return p;
}

export function endProgress(p: ImportProgress): void {
  if (running.get(p.batchId) === p) running.delete(p.batchId);
}

/** The batch's progress while a preview or commit of it runs in this process; null otherwise. */
export function progressOf(batchId: string): ImportProgress | null {
  return running.get(batchId) ?? null;
}
