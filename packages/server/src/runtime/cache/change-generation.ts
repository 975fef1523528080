import type { Database, Db } from '../../store/database.js';
import {
  bumpChangeCounter,
  changeCounterReader,
  notifyChange,
} from '../../store/repositories/change-counter.js';

const channel = 'portcullis_changes';

/**
 * A counter that moves whenever anything may have changed: every committed use-case transaction on this
 * node; on PostgreSQL every committed one on any node (NOTIFY inside the transaction is delivered only if
 * it commits); on SQLite every one committed by another connection to the file — another process or
 * another server in this one. SQLite has no notifications: each use-case transaction moves a counter row,
 * and the counter is read again only when `PRAGMA data_version` says another connection committed. The
 * counter, not data_version alone, decides, because the background writer commits audit events and
 * last-used times many times a second, and those change nothing a cache holds.
 * In-memory copies of hot data remember the generation they were read at and are thrown away when it
 * moves, so nothing is served past a change.
 */
export class ChangeGeneration {
  private value = 0;
  private seenDataVersion: number | undefined;
  private seenCounter: number | undefined;
  private readonly readCounter: (() => number) | undefined;
  private stopListening: (() => Promise<void>) | undefined;

  constructor(private readonly database: Database) {
    this.readCounter = database.sqlite ? changeCounterReader(database.sqlite) : undefined;
  }

  get current(): number {
    if (!this.readCounter) return this.value;
    const dataVersion = this.database.dataVersion?.();
    if (dataVersion !== this.seenDataVersion) {
      this.seenDataVersion = dataVersion;
      const counter = this.readCounter();
      if (counter !== this.seenCounter) {
        this.seenCounter = counter;
        this.value++;
      }
    }
    return this.value;
  }

  bump(): void {
    this.value++;
  }

  /** Call inside a transaction that changes state; other nodes hear of it when it commits. */
  async announce(trx: Db): Promise<void> {
    if (this.database.engine === 'postgres') await notifyChange(trx, channel);
    else await bumpChangeCounter(trx);
  }

  async listen(): Promise<void> {
    if (this.database.engine !== 'postgres' || !this.database.listen) return;
    this.stopListening = await this.database.listen(
      channel,
      () => this.bump(),
      () => this.bump(),
    );
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
  }
}
