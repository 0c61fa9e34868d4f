/**
 * At most N requests in flight to one host, whatever the number of sources it serves: fifty
 * section feeds of one newspaper must not arrive at its server at once (Miniflux caps jobs per
 * host the same way). Requests over the cap wait their turn, first come first served.
 */

export class HostLimiter {
  readonly #perHost: number;
  readonly #active = new Map<string, number>();
  readonly #waiting = new Map<string, (() => void)[]>();

  constructor(perHost: number) {
    if (!(perHost >= 1)) throw new RangeError(`per-host limit must be at least 1, got ${perHost}`);
    this.#perHost = perHost;
  }

  /**
   * Runs `task` once the host of `url` has a free slot.
   * @example await limiter.run('https://example.pl/rss', () => httpRequest({ url }))
   */
  async run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    await this.#acquire(host);
    try {
      return await task();
    } finally {
      this.#release(host);
    }
  }

  /** Requests in flight to `host` now (for tests and health pages). */
  inFlight(host: string): number {
    return this.#active.get(host) ?? 0;
  }

  #acquire(host: string): Promise<void> {
    const active = this.#active.get(host) ?? 0;
    if (active < this.#perHost) {
      this.#active.set(host, active + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.#waiting.get(host) ?? [];
      queue.push(resolve);
      this.#waiting.set(host, queue);
    });
  }

  #release(host: string): void {
    const next = this.#waiting.get(host)?.shift();
    // The slot passes straight to the next waiter: the count stays the same.
    if (next) return next();
    this.#waiting.delete(host);
    const active = (this.#active.get(host) ?? 1) - 1;
    if (active > 0) this.#active.set(host, active);
    else this.#active.delete(host);
  }
}

/** The host a limit applies to: the name, lower case, without port (one server, several ports). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
