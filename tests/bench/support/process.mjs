// Starting the benches' server processes (compare.mjs, concurrent-reports.mjs).
import { spawn } from 'node:child_process';

/**
 * Starts a server process and waits for the line of its output that gives its address (`ready`'s
 * first group): `{ child, pid, url }`. `track` is told of the child as soon as it is spawned (so a
 * caller can stop it even if it never gets ready); a child that exits first rejects with its output.
 */
export function startChild(name, command, args, env, ready, track = () => {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString('utf8');
      const found = ready.exec(output)?.[1];
      if (found) resolve({ child, pid: child.pid, url: found });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`${name} exited before it was ready (code ${code}):\n${output.slice(-3000)}`)));
  });
}
