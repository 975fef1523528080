import type { BackgroundWriter } from '../../store/background/background-writes.js';
import { BackgroundBatcher, type BatchLog } from './background-batcher.js';

function keepLatest(times: Map<string, number>, id: string, at: number): void {
  times.set(id, Math.max(at, times.get(id) ?? 0));
}

/**
 * Last-used times of service accounts and secrets, kept in memory and written in one transaction every
 * 100 ms, so a token request never waits on a disk write for them. The window: at most `intervalMs` of
 * last-used times is lost if the process dies; shutdown flushes. A failed write's times are kept for the
 * next flush; they need no bound, being one per service account and secret used. Nothing
 * security-relevant lives here.
 */
export class UsageRecorder extends BackgroundBatcher {
  private serviceAccounts = new Map<string, number>();
  private secrets = new Map<string, number>();

  constructor(writer: BackgroundWriter, log: BatchLog, intervalMs = 100) {
    super(writer, log, intervalMs, 'last-used times');
  }

  record(serviceAccountId: string, secretId: string, at: number): void {
    keepLatest(this.serviceAccounts, serviceAccountId, at);
    keepLatest(this.secrets, secretId, at);
  }

  protected waiting(): number {
    return this.serviceAccounts.size + this.secrets.size;
  }

  protected async writeWaiting(): Promise<void> {
    const serviceAccounts = this.serviceAccounts;
    const secrets = this.secrets;
    this.serviceAccounts = new Map();
    this.secrets = new Map();
    try {
      await this.writer.write({ kind: 'usage', serviceAccounts, secrets });
    } catch (error) {
      // The later time wins, so a failed batch folds into what was recorded since.
      for (const [id, at] of serviceAccounts) keepLatest(this.serviceAccounts, id, at);
      for (const [id, at] of secrets) keepLatest(this.secrets, id, at);
      throw error;
    }
  }
}
