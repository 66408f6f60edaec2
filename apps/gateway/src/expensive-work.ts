import { availableParallelism } from 'node:os';
import type { LocalizedText } from '@coso/domain';

/**
 * A bound on expensive work in flight (issue #12): GraphQL operations that select a field declaring
 * a cost (a report, findings, counts, a record's history: packages/schema/src/graphql/field-cost.ts)
 * and the report exports. Two bounds, both before the work starts:
 *
 * - per viewer (an account, however many sessions; an anonymous caller by address): at most
 *   `perViewer` running; up to `perViewerQueue` more wait for one of the viewer's own to finish
 *   (the admin web's report page asks for a report, its findings and a figure's records at once);
 *   past that, refused at once (TOO_MANY_REQUESTS, 429, with a retry hint). A caller firing 29
 *   reports in parallel gets 2 running, 2 waiting and 25 refusals, and takes no one else's place.
 * - for the whole gateway: at most `total` running, so many viewers together cannot exhaust memory
 *   or every core; beyond it, work waits its turn (first come, first served) in a queue of at most
 *   `queue`; past that it is refused too (503: the gateway is saturated).
 *
 * A wait is never longer than the work ahead of it: a viewer holds at most `perViewer` places of
 * the gateway's running and queued work together, however many requests it sends.
 */
export interface ExpensiveWorkOptions {
  perViewer: number;
  perViewerQueue: number;
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

/** Places in use and the work waiting for one; a finished piece of work hands its place to the first waiting. */
class Places {
  running = 0;
  readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {}

  /** A place now, or a promise of one (in order), or undefined when `queue` are already waiting. */
  take(queue: number): Promise<void> | undefined {
    if (this.running < this.size) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= queue) return undefined;
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  get idle(): boolean {
    return this.running === 0 && this.waiting.length === 0;
  }
}

export class ExpensiveWork {
  private readonly gateway: Places;
  private readonly viewers = new Map<string, Places>();

  constructor(private readonly options: ExpensiveWorkOptions) {
    this.gateway = new Places(options.total);
  }

  /** Work admitted by its viewer's bound that waits for a place of the gateway's. */
  get queued(): number {
    return this.gateway.waiting.length;
  }

  /** Waits for a place for `key`'s work, or refuses it; `release` must be called once the work is done. */
  async admit(key: string): Promise<Admission> {
    const { perViewer, perViewerQueue, total, queue } = this.options;
    let viewer = this.viewers.get(key);
    if (!viewer) {
      viewer = new Places(perViewer);
      this.viewers.set(key, viewer);
    }
    const own = viewer.take(perViewerQueue);
    if (!own) return { ok: false, ...refusal('viewer', perViewer) };
    await own;
    const releaseViewer = () => {
      viewer.give();
      if (viewer.idle) this.viewers.delete(key);
    };
    const shared = this.gateway.take(queue);
    if (!shared) {
      releaseViewer();
      return { ok: false, ...refusal('saturated', total) };
    }
    await shared;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.gateway.give();
      releaseViewer();
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
