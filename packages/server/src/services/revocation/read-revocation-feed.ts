import { setTimeout as sleep } from 'node:timers/promises';
import type { FeedFollowerMode } from '../../runtime/metrics/portcullis-metrics.js';
import { type FeedEvent, listRevocationEvents } from '../../store/repositories/revocations.js';
import { organizationOf, requirePermission } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';

export interface RevocationFeedPage {
  events: FeedEvent[];
  /** The last event's feed position; pass back as `after` to continue. Unchanged when nothing arrived. */
  cursor: string | null;
}

const pollIntervalMs = 250;
const pageSize = 500;

/** Throws `permission_denied` unless the caller may read the feed: checked before a stream opens. */
export function requireFeedReader(caller: Caller): void {
  requirePermission(caller.actor, 'portcullis.introspection', 'run');
}

/**
 * The revocation feed of the caller's organization — of every organization for a platform resource
 * server (decision 0011) — oldest first after the cursor. With `waitSeconds`, an
 * empty answer is held until something arrives or the wait ends (long-poll), so a follower learns of a
 * revocation within a poll interval without a request per token.
 */
export async function readRevocationFeed(
  ctx: ServiceContext,
  caller: Caller,
  /** A cursor this feed returned (decimal digits, validated at the boundary). */
  after: string | undefined,
  waitSeconds: number,
  /** Ends the wait: the answer is then what there is. */
  signal?: AbortSignal,
  /** Counted as a follower of this kind while it waits, caught up; an event stream counts itself. */
  follower?: FeedFollowerMode,
): Promise<RevocationFeedPage> {
  requireFeedReader(caller);
  const organizationId = caller.actor.platformIntrospection ? undefined : organizationOf(caller.actor);
  const deadline = Date.now() + waitSeconds * 1000;
  let waited = false;
  let stopWaiting: (() => void) | undefined;
  try {
    for (;;) {
      const events = await listRevocationEvents(ctx.db, {
        afterPosition: after === undefined ? 0 : Number(after),
        organizationId,
        limit: pageSize,
      });
      if (events.length > 0 || Date.now() >= deadline || signal?.aborted) {
        // Only events a caught-up follower waited for say how fast the feed is; a catch-up page's are as
        // old as the follower's absence.
        if (waited) {
          const now = ctx.clock();
          for (const e of events) ctx.metrics.feedDelivered((now - e.createdAt) / 1000);
        }
        const last = events.at(-1);
        return { events, cursor: last ? String(last.position) : (after ?? null) };
      }
      if (!waited) {
        waited = true;
        if (follower) stopWaiting = ctx.metrics.followerWaiting(follower);
      }
      // Aborted (the caller went away, or the server is closing): answer now rather than a poll later.
      await sleep(pollIntervalMs, undefined, { signal }).catch(() => undefined);
    }
  } finally {
    stopWaiting?.();
  }
}
