import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../graphql/context.js';
import { buildSchema } from '../graphql/schema.js';
import { commitImport, type LastRun, previewImport, uploadImport } from './batches.js';
import type { ImportSummary } from './engine.js';
import { claimRun } from './run-claim.js';
import { type ImportHarness, importHarness } from './test-support/import-harness.js';

/**
 * One run of a stored batch at a time (#14, run-claim.ts), with real concurrency on a real
 * database: a commit is held inside its transaction — another connection holds a lock on `people`
 * that its first INSERT waits for — while a preview and a second commit of the same batch are
 * tried; two commits are started together; a commit is killed midway (its statement cancelled);
 * a crashed run's claim is left behind. Each test's file is 30 new people with no error (a commit
 * of people already there would insert nothing, and wait on no lock).
 */
const schema = buildSchema();
const TODAY = '2026-11-25';
const HEADER = 'Mã nguồn;Họ và tên;Giới tính;Năm sinh;Số CCCD;Thường trú';
let files = 0;
/** 30 people no file before named (men born in 1980, living in a group of Phúc Lợi). */
function freshFile(): Buffer {
  const at = 500_000 + 100 * files++;
  const lines = Array.from(
    { length: 30 },
    (_, i) => `CL-${at + i};Người Chạy ${at + i};Nam;1980;001080${String(at + i).padStart(6, '0')};"Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi"`,
  );
  return Buffer.from([HEADER, ...lines].join('\n'));
}

let h: ImportHarness;
let officer: Context;
beforeAll(async () => {
  ({ h, officer } = await importHarness(TODAY));
});
afterAll(() => h?.close());

/** Another session's lock on `people`: every INSERT into it waits until `release`. */
async function holdPeople() {
  const c = new pg.Client({ connectionString: h.url });
  await c.connect();
  await c.query('BEGIN');
  await c.query('LOCK TABLE people IN SHARE MODE');
  /** The backends waiting on a lock (a run held inside its transaction), once there is one. */
  const waiting = async (): Promise<number[]> => {
    for (let tries = 0; tries < 600; tries++) {
      const r = await c.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      if (r.rows.length > 0) return r.rows.map((row) => row.pid);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no run came to wait on the lock');
  };
  const cancel = async (pid: number) => c.query('SELECT pg_cancel_backend($1)', [pid]);
  const release = async () => {
    await c.query('COMMIT');
    await c.end();
  };
  return { waiting, cancel, release };
}

/** What a refused run must leave as it was: the batch's run, status and last run, and every row's outcome. */
async function state(batchId: string) {
  const batch = await h.prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  const rows = await h.prisma.importRow.findMany({
    where: { batchId },
    orderBy: { rowIndex: 'asc' },
    select: { rowIndex: true, action: true, recordId: true, errors: true },
  });
  return { status: batch.status, runId: batch.runId, lastRun: batch.lastRun, rows };
}

/** `importBatch(id) { running }`, as the officer asks it (any gateway: it is read from the batch). */
async function running(id: string): Promise<boolean> {
  const r = await h.run<{ importBatch: { running: boolean } }>(
    'query($id: String!) { importBatch(id: $id) { running } }',
    { id },
    {
      viewer: officer.viewer,
      today: TODAY,
    },
  );
  return r.importBatch.running;
}

const codeOf = (error: unknown) => (error as { violations?: Array<{ code: string }> }).violations?.[0]?.code;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'ran',
    (e: unknown) => codeOf(e) ?? String(e),
  );

describe('one run of a stored batch at a time (#14)', () => {
  it('while a commit runs, a preview and a second commit are refused IMPORT_BATCH_BUSY and change nothing; the commit’s outcomes stand', async () => {
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'held.csv', bytes: freshFile() });
    await previewImport(officer, schema, batch.id);
    const people = await h.prisma.person.count();
    const lock = await holdPeople();
    const commit = commitImport(officer, schema, batch.id);
    try {
      await lock.waiting();
      const during = await state(batch.id);
      expect(during.runId).not.toBeNull();
      expect(await running(batch.id)).toBe(true);
      await expect(refusal(previewImport(officer, schema, batch.id))).resolves.toBe('IMPORT_BATCH_BUSY');
      await expect(refusal(commitImport(officer, schema, batch.id))).resolves.toBe('IMPORT_BATCH_BUSY');
      expect(await state(batch.id)).toEqual(during);
    } finally {
      await lock.release();
    }
    const done = await commit;
    expect(done.committed).toBe(true);
    expect(await h.prisma.person.count()).toBe(people + 30);
    const after = await state(batch.id);
    expect(after.status).toBe('COMMITTED');
    expect(after.runId).toBeNull();
    expect(await running(batch.id)).toBe(false);
    expect((after.lastRun as unknown as LastRun).committed).toBe(true);
    // Every row's outcome is the commit's: created, naming a person now there.
    const ids = after.rows.filter((r) => r.errors !== null).map((r) => r.recordId as string);
    expect(after.rows.filter((r) => r.errors !== null).map((r) => r.action)).toEqual(Array(30).fill('CREATE'));
    expect(await h.prisma.person.count({ where: { id: { in: ids } } })).toBe(30);
    // Committed, the batch refuses any further run, as before.
    await expect(refusal(previewImport(officer, schema, batch.id))).resolves.toBe('IMPORT_ALREADY_COMMITTED');
  });

  it('two commits started together: exactly one writes, the other is refused', async () => {
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'twice.csv', bytes: freshFile() });
    const people = await h.prisma.person.count();
    const audit = await h.prisma.auditEntry.count({ where: { operation: 'commitImport' } });
    const lock = await holdPeople();
    let outcomes: Array<ImportSummary | string>;
    try {
      const both = Promise.all(
        [commitImport(officer, schema, batch.id), commitImport(officer, schema, batch.id)].map((p) =>
          p.then(
            (s) => s,
            (e: unknown) => codeOf(e) ?? String(e),
          ),
        ),
      );
      // Held: the one that claimed the batch waits on the lock; the other has already been answered.
      await lock.waiting();
      await lock.release();
      outcomes = await both;
    } catch (error) {
      await lock.release().catch(() => undefined);
      throw error;
    }
    expect(outcomes.filter((o) => typeof o !== 'string').map((o) => (o as ImportSummary).committed)).toEqual([true]);
    expect(outcomes.filter((o) => typeof o === 'string')).toEqual(['IMPORT_BATCH_BUSY']);
    expect(await h.prisma.person.count()).toBe(people + 30);
    expect(await h.prisma.auditEntry.count({ where: { operation: 'commitImport' } })).toBe(audit + 30);
  });

  it('a commit killed midway is kept as a run that failed: not committed, nothing written, the batch free again', async () => {
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'killed.csv', bytes: freshFile() });
    const people = await h.prisma.person.count();
    const lock = await holdPeople();
    const commit = refusal(commitImport(officer, schema, batch.id));
    try {
      const [pid] = await lock.waiting();
      await lock.cancel(pid as number);
      expect(await commit).not.toBe('ran');
    } finally {
      await lock.release();
    }
    const after = await state(batch.id);
    expect(after.status).toBe('UPLOADED');
    expect(after.runId).toBeNull();
    const last = after.lastRun as unknown as LastRun;
    expect(last.committed).toBe(false);
    expect(last.sheetErrors.map((e) => e.code)).toEqual(['IMPORT_RUN_FAILED']);
    expect(last.sheetErrors[0]?.message.vi).toContain('chưa ghi gì');
    // Read by the header row and columns the run found: the file's headers (row 1), its columns matched.
    expect(last.headerRow).toBe(0);
    expect(last.headers).toEqual(HEADER.split(';'));
    expect(Object.values(last.mapping).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await h.prisma.person.count()).toBe(people);
    // Free again: the next run is not refused, and commits.
    expect((await commitImport(officer, schema, batch.id)).committed).toBe(true);
  });

  it('a crashed run’s claim does not hold the batch: refused while it is fresh, taken once it is stale', async () => {
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'crashed.csv', bytes: freshFile() });
    await previewImport(officer, schema, batch.id);
    // A run that claimed the batch and was never heard of again (its gateway gone).
    await h.prisma.$executeRaw`UPDATE import_batches SET run_id = gen_random_uuid(), run_seen_at = now() WHERE id = ${batch.id}::uuid`;
    const before = await state(batch.id);
    await expect(refusal(previewImport(officer, schema, batch.id))).resolves.toBe('IMPORT_BATCH_BUSY');
    expect(await state(batch.id)).toEqual(before);
    await h.prisma.$executeRaw`UPDATE import_batches SET run_seen_at = now() - interval '3 minutes' WHERE id = ${batch.id}::uuid`;
    const preview = await previewImport(officer, schema, batch.id);
    expect(preview.counts.rows).toBe(30);
    expect((await state(batch.id)).runId).toBeNull();
  });

  it('a run whose claim went stale and was taken writes nothing more: it stops, and the run that took it stands', async () => {
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'taken.csv', bytes: freshFile() });
    const people = await h.prisma.person.count();
    const lock = await holdPeople();
    const quiet = refusal(commitImport(officer, schema, batch.id));
    let taker: Promise<ImportSummary>;
    try {
      await lock.waiting();
      // The commit held on the lock has not been heard of for 3 minutes: another run may take its claim.
      await h.prisma.$executeRaw`UPDATE import_batches SET run_seen_at = now() - interval '3 minutes' WHERE id = ${batch.id}::uuid`;
      taker = previewImport(officer, schema, batch.id);
      for (let tries = 0; (await lock.waiting()).length < 2 && tries < 600; tries++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await lock.release();
    }
    expect(await quiet).toBe('IMPORT_BATCH_BUSY');
    const preview = await taker;
    expect(preview.committed).toBe(false);
    expect(await h.prisma.person.count()).toBe(people);
    const after = await state(batch.id);
    expect(after.status).toBe('UPLOADED');
    expect(after.runId).toBeNull();
    // The batch's last run is the preview's, every row of it checked once (the stopped commit's release wrote nothing).
    expect((after.lastRun as unknown as LastRun).counts).toMatchObject({ rows: 30, create: 30, errors: 0 });
    expect(after.rows.filter((r) => r.errors !== null).map((r) => r.action)).toEqual(Array(30).fill('CREATE'));
  });

  it('a run that lost its claim after its last write says so at the release, and writes no lastRun', async () => {
    const batch = await uploadImport(officer, { kind: 'people', fileName: 'late.csv', bytes: freshFile() });
    const mine = await claimRun(h.prisma, batch.id);
    // Taken (as a stale claim would be) between the run's last write and its release.
    await h.prisma.$executeRaw`UPDATE import_batches SET run_id = gen_random_uuid(), run_seen_at = now() WHERE id = ${batch.id}::uuid`;
    const before = await state(batch.id);
    expect(await mine.release({ counts: { rows: 1 } })).toBe(false);
    expect(await state(batch.id)).toEqual(before);
    // Held to the end, it is released and its lastRun written.
    await h.prisma.$executeRaw`UPDATE import_batches SET run_id = NULL, run_seen_at = NULL WHERE id = ${batch.id}::uuid`;
    const held = await claimRun(h.prisma, batch.id);
    expect(await held.release({ counts: { rows: 2 } })).toBe(true);
    const after = await state(batch.id);
    expect(after.runId).toBeNull();
    expect(after.lastRun).toEqual({ counts: { rows: 2 } });
  });
});
