import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process at a time owns a local data directory. `startEmbeddedPostgres` stops any postgres
 * it finds running on the directory (the orphan of a crashed run); without this lock a second
 * `npm start`, or `coso seed` beside a running gateway, would stop the live gateway's database.
 */
export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} dùng (một gateway hoặc lệnh coso khác); dừng tiến trình đó hoặc đặt DATA_DIR khác. / ` +
        `The data directory ${dir} is in use by process ${pid} (another gateway or coso command); stop it or set another DATA_DIR.`,
    );
    this.name = 'DataDirBusyError';
  }
}

const OWNER_FILE = 'owner.pid';

/** Takes the directory (creating it); returns the release function. Throws DataDirBusyError. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, OWNER_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => release(file);
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const owner = readOwner(file);
      if (owner !== undefined && owner !== process.pid && isLiveNodeProcess(owner)) throw new DataDirBusyError(dir, owner);
      // Left by a process that is gone (killed, crashed): take it over.
      unlinkSync(file);
    }
  }
  throw new DataDirBusyError(dir, readOwner(file) ?? 0);
}

function release(file: string): void {
  try {
    if (readOwner(file) === process.pid) unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Alive and a Node.js process (a recycled pid of some other program does not hold the lock). */
function isLiveNodeProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return /node/.test(argv0);
  } catch {
    // No /proc (not Linux): trust the liveness check.
    return true;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
