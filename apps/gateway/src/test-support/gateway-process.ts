import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_MAIN } from './paths.js';

/** A real `node dist/main.js`, as `npm start` runs it. */
export interface GatewayProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the GraphQL URL the process printed once ready; rejects if it exits first. */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A data directory the embedded postgres (run as the `postgres` user when we are root) can enter. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coso-gateway-test-'));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * Starts the built gateway on a free port with the embedded PostgreSQL in `dataDir` (the test
 * run's DATABASE_URL / TEST_DATABASE_URL are removed from its environment). `detached` puts it in
 * its own process group, so a signal to the group reaches node and postgres together, as Ctrl-C
 * in a terminal does.
 */
export function spawnGateway(dataDir: string, options: { detached?: boolean; env?: Record<string, string> } = {}): GatewayProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...options.env };
  delete env.NODE_ENV; // as under `npm start` (vitest sets it to test)
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, [BUILT_MAIN], { env, detached: options.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /GraphQL:\s+(http:\/\/\S+\/graphql)/.exec(out)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`gateway exited before it was ready (code ${code}, signal ${signal}):\n${out}`)),
    );
  });
  ready.catch(() => {}); // observed by the test that awaits it
  if (child.pid === undefined) throw new Error('could not spawn the gateway');
  return { child, pid: child.pid, output: () => out, ready, exited };
}

/** Pids of postgres servers running on `<dataDir>/pg` (its command line names the directory). */
export function postgresPids(dataDir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${join(dataDir, 'pg')}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

export async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
