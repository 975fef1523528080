export interface RefusalLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

interface SourceTally {
  count: number;
  /** `action reason` → count, e.g. `token.refused unknown_client`. */
  reasons: Map<string, number>;
}

/**
 * Refusals that no organization can be told about — an unknown client id, a secret refused before any
 * lookup (malformed), an unknown email — are counted per source address here and written as one log line
 * per interval, not as one audit row each (decisions/0015): no organization could read those rows, and
 * nothing ever deleted them. The counts are this node's own. Memory is bounded: past `maxSources`
 * addresses in one interval, further ones are only added to a total.
 */
export class UnattributedRefusals {
  private sources = new Map<string, SourceTally>();
  /** Refusals from addresses beyond `maxSources` in this interval. */
  private overflow = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: RefusalLog,
    private readonly intervalMs = 60_000,
    private readonly maxSources = 10_000,
    /** The busiest sources named in a line; the rest are summed. */
    private readonly sourcesPerLine = 100,
  ) {}

  count(clientIp: string | null, action: string, reason: string): void {
    const source = clientIp ?? 'unknown';
    let tally = this.sources.get(source);
    if (!tally) {
      if (this.sources.size >= this.maxSources) {
        this.overflow++;
        return;
      }
      tally = { count: 0, reasons: new Map() };
      this.sources.set(source, tally);
    }
    tally.count++;
    const key = `${action} ${reason}`;
    tally.reasons.set(key, (tally.reasons.get(key) ?? 0) + 1);
  }

  start(): void {
    this.timer ??= setInterval(() => this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** Writes what was counted since the last line, if anything. */
  flush(): void {
    if (this.sources.size === 0 && this.overflow === 0) return;
    const ranked = [...this.sources.entries()].sort(([, a], [, b]) => b.count - a.count);
    const named = ranked.slice(0, this.sourcesPerLine);
    const unnamed = ranked.slice(this.sourcesPerLine).reduce((sum, [, t]) => sum + t.count, 0);
    this.log.warn(
      {
        event: 'unattributed_refusals',
        intervalSeconds: this.intervalMs / 1000,
        total: ranked.reduce((sum, [, t]) => sum + t.count, 0) + this.overflow,
        sources: named.map(([clientIp, t]) => ({
          clientIp,
          count: t.count,
          reasons: Object.fromEntries(t.reasons),
        })),
        fromOtherSources: unnamed + this.overflow,
      },
      'refused credentials that belong to no organization',
    );
    this.sources = new Map();
    this.overflow = 0;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
  }
}
