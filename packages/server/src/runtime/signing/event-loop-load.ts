import { performance } from 'node:perf_hooks';

/**
 * Whether the event loop has been the bottleneck lately: its utilisation over the last interval, from
 * Node's own accounting (no per-request cost). The token signer offloads signatures only while it is busy
 * (decision 0010).
 */
export class EventLoopLoad {
  private last = performance.eventLoopUtilization();
  private timer: NodeJS.Timeout | undefined;
  busy = false;

  constructor(
    private readonly busyAbove = 0.6,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      const now = performance.eventLoopUtilization();
      this.busy = performance.eventLoopUtilization(now, this.last).utilization > this.busyAbove;
      this.last = now;
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
