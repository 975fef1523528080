export interface EventuallyOptions {
  /** What is awaited, for the message on timeout: "the follower rejects the token". */
  what: string;
  /** Give up once this long has passed since the first check; a last check is made at that point. */
  timeoutMs: number;
  /** The pause between checks. */
  everyMs?: number;
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/**
 * Repeats `check` until it returns a truthy value, and returns that value; throws, naming `what`, when
 * `timeoutMs` passes without one. An error thrown by `check` is a failure, not a "not yet": it is not retried.
 * Pauses with the global `setTimeout`, so a test mocking `node:timers/promises` does not change the polling.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { what, timeoutMs, everyMs = 50 }: EventuallyOptions,
): Promise<Truthy<T>> {
  const started = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    const left = started + timeoutMs - performance.now();
    if (left <= 0) {
      throw new Error(`not within ${timeoutMs} ms: ${what} (the last check gave ${String(value)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(everyMs, left)));
  }
}
