import type { BackgroundWriter } from '../../store/background/background-writes.js';

/**
 * Last-used times of service accounts and secrets, kept in memory and written in one transaction every
 * 100 ms, so a token request never waits on a disk write for them. The window: at most `intervalMs` of
 * last-used times is lost if the process dies; shutdown flushes. Nothing security-relevant lives here.
 */
export class UsageRecorder {
  private serviceAccounts = new Map<string, number>();
  private secrets = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Batches are written in order, so waiting for the last one waits for all (see flush). */
  private lastWrite: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly writer: BackgroundWriter,
    private readonly onError: (error: unknown) => void,
    private readonly intervalMs = 100,
  ) {}

  record(serviceAccountId: string, secretId: string, at: number): void {
    this.serviceAccounts.set(serviceAccountId, Math.max(at, this.serviceAccounts.get(serviceAccountId) ?? 0));
    this.secrets.set(secretId, Math.max(at, this.secrets.get(secretId) ?? 0));
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush().catch(this.onError), this.intervalMs);
    this.timer.unref();
  }

  /** Resolves once every time recorded so far is committed, including a batch the timer already sent. */
  async flush(): Promise<void> {
    if (this.serviceAccounts.size === 0 && this.secrets.size === 0) {
      await this.lastWrite;
      return;
    }
    const serviceAccounts = this.serviceAccounts;
    const secrets = this.secrets;
    this.serviceAccounts = new Map();
    this.secrets = new Map();
    const write = this.writer.write({ kind: 'usage', serviceAccounts, secrets });
    this.lastWrite = write.catch(() => undefined);
    await write;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
