import { availableParallelism } from 'node:os';
import type { LocalizedText } from '@coso/domain';

/**
 * A bound on expensive work in flight (issue #12): GraphQL operations that select a field declaring
 * a cost (a report, findings, counts, a record's history) and the report exports. Two bounds:
 *
 * - per viewer (an account, however many sessions; an anonymous caller by address): at most
 *   `perViewer` in flight or waiting. One more is refused at once, TOO_MANY_REQUESTS with a retry
 *   hint: a caller that fires many reports in parallel only gets its own refused.
 * - for the whole gateway: at most `total` running, so many viewers together cannot exhaust memory;
 *   beyond it, work waits its turn (first come, first served) in a queue of at most `queue`; past
 *   that it is refused too (the gateway is saturated).
 *
 * Waiting is never longer than the work ahead of it: every queued item already passed its viewer's
 * bound, so one viewer holds at most `perViewer` of the running and queued places together.
 */
export interface ExpensiveWorkOptions {
  perViewer: number;
  total: number;
  queue: number;
  /**
   * Called once work is admitted, before it runs, with the viewer's key; the work waits for it.
   * Tests use it to hold work in flight and observe the order of admission; unset in production.
   */
  admitted?: (key: string) => Promise<void> | void;
}

export const DEFAULT_EXPENSIVE_PER_VIEWER = 2;
/** One expensive operation per core, and never fewer than two viewers' worth. */
export const DEFAULT_EXPENSIVE_TOTAL = Math.max(availableParallelism(), 2 * DEFAULT_EXPENSIVE_PER_VIEWER);
/** Seconds a refused caller is told to wait before trying again (a report takes well under this). */
export const RETRY_AFTER_SECONDS = 2;

export type Refusal = { reason: 'viewer' | 'saturated'; message: LocalizedText; retryAfterSeconds: number };
export type Admission = { ok: true; release: () => void } | ({ ok: false } & Refusal);

export class ExpensiveWork {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly perKey = new Map<string, number>();

  constructor(private readonly options: ExpensiveWorkOptions) {}

  /** Work of `key` in flight or waiting (for tests and logs). */
  held(key: string): number {
    return this.perKey.get(key) ?? 0;
  }

  get inFlight(): number {
    return this.running;
  }

  /** Waits for a place for `key`'s work, or refuses it; `release` must be called once the work is done. */
  async admit(key: string): Promise<Admission> {
    const { perViewer, total, queue } = this.options;
    const mine = this.held(key);
    if (mine >= perViewer) return { ok: false, ...refusal('viewer', perViewer) };
    if (this.running >= total && this.waiting.length >= queue) return { ok: false, ...refusal('saturated', total) };
    this.perKey.set(key, mine + 1);
    if (this.running < total) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the releaser hands its place over
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (this.perKey.get(key) ?? 1) - 1;
      if (left > 0) this.perKey.set(key, left);
      else this.perKey.delete(key);
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
    try {
      await this.options.admitted?.(key);
    } catch (error) {
      release();
      throw error;
    }
    return { ok: true, release };
  }
}

function refusal(reason: Refusal['reason'], n: number): Refusal {
  const retry = RETRY_AFTER_SECONDS;
  const message =
    reason === 'viewer'
      ? {
          vi: `Bạn đang có ${n} yêu cầu tốn kém (báo cáo, tồn tại, thống kê, lịch sử, xuất tệp) chưa xong, tối đa ${n} cùng lúc; thử lại sau ${retry} giây.`,
          en: `You already have ${n} expensive requests (reports, findings, counts, history, exports) in progress, at most ${n} at a time; retry in ${retry} seconds.`,
        }
      : {
          vi: `Máy chủ đang bận với các yêu cầu tốn kém (tối đa ${n} cùng lúc, hàng đợi đã đầy); thử lại sau ${retry} giây.`,
          en: `The server is busy with expensive requests (at most ${n} at a time, and the queue is full); retry in ${retry} seconds.`,
        };
  return { reason, message, retryAfterSeconds: retry };
}

/** Whose work it is: an account however many sessions it has, an anonymous caller by address. */
export function viewerKey(viewer: { kind: string; accountId?: string }, address: string | undefined): string {
  return viewer.kind === 'account' && viewer.accountId ? `account:${viewer.accountId}` : `address:${address ?? 'unknown'}`;
}
