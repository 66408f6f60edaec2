import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.js';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'coso-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function withProcess<T>(command: string, args: string[], work: (pid: number) => T): Promise<T> {
  const child = spawn(command, args, { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  try {
    return work(child.pid ?? 0);
  } finally {
    child.kill('SIGKILL');
  }
}

describe('data directory lock', () => {
  it('records its owner and lets go on release', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(readFileSync(join(d, 'owner.pid'), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(d, 'owner.pid'))).toBe(false);
  });

  it('refuses while another live Node.js process holds it, naming the process', async () => {
    const d = dir();
    await withProcess(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], (pid) => {
      writeFileSync(join(d, 'owner.pid'), `${pid}\n`);
      expect(() => lockDataDir(d)).toThrow(DataDirBusyError);
      expect(() => lockDataDir(d)).toThrow(`Thư mục dữ liệu ${d} đang được tiến trình ${pid} dùng`);
    });
  });

  it('takes over from a process that is gone, or from a recycled pid that is not Node.js', async () => {
    const d = dir();
    writeFileSync(join(d, 'owner.pid'), '999999999\n');
    lockDataDir(d)();
    await withProcess('sleep', ['30'], (pid) => {
      writeFileSync(join(d, 'owner.pid'), `${pid}\n`);
      const release = lockDataDir(d);
      expect(readFileSync(join(d, 'owner.pid'), 'utf8').trim()).toBe(String(process.pid));
      release();
    });
  });
});
