/**
 * When failed attempts lock a service account or login, and for how long (decisions/0015). Every
 * `threshold` consecutive failures start a lock; the k-th lasts `initialMs · 2^(k-1)`, at most `maxMs`.
 * Failures are forgotten after `resetMs` without one, and a success forgets them at once.
 */
export interface LockoutPolicy {
  /** Failures that start a lock; 0 turns lockouts off. */
  threshold: number;
  initialMs: number;
  maxMs: number;
  resetMs: number;
}

/** How long the lock lasts that this failure count starts; 0 when it starts none. */
export function lockDurationMs(policy: LockoutPolicy, failures: number): number {
  if (policy.threshold <= 0 || failures <= 0 || failures % policy.threshold !== 0) return 0;
  const lockNumber = failures / policy.threshold;
  // 2^31 ms is past any sensible maximum already; the exponent is capped so the product stays finite.
  return Math.min(policy.initialMs * 2 ** Math.min(lockNumber - 1, 31), policy.maxMs);
}

/** Whole seconds until `lockedUntil`, at least 1, or undefined when no lock holds at `now`. */
export function lockRemainingSeconds(
  lockedUntil: number | null | undefined,
  now: number,
): number | undefined {
  if (lockedUntil === null || lockedUntil === undefined || lockedUntil <= now) return undefined;
  return Math.max(1, Math.ceil((lockedUntil - now) / 1000));
}
