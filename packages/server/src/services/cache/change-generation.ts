import { sql } from 'kysely';
import type { Database, Db } from '../../store/database.js';

const channel = 'portcullis_changes';

/**
 * A counter that moves whenever anything may have changed: every committed use-case transaction on this
 * node; on PostgreSQL every committed one on any node (NOTIFY inside the transaction is delivered only if
 * it commits); on SQLite every commit by another connection to the file — another process, another
 * server in this one, or `portcullis keys rotate` — seen through `PRAGMA data_version` when read.
 * In-memory copies of hot data remember the generation they were read at and are thrown away when it
 * moves, so nothing is served past a change.
 */
export class ChangeGeneration {
  private value = 0;
  private seenDataVersion: number | undefined;
  private stopListening: (() => Promise<void>) | undefined;

  constructor(private readonly database: Database) {}

  get current(): number {
    const dataVersion = this.database.dataVersion?.();
    if (dataVersion !== this.seenDataVersion) {
      this.seenDataVersion = dataVersion;
      this.value++;
    }
    return this.value;
  }

  bump(): void {
    this.value++;
  }

  /** Call inside a transaction that changes state; other nodes hear of it when it commits. */
  async announce(trx: Db): Promise<void> {
    if (this.database.engine === 'postgres') await sql`select pg_notify(${channel}, '')`.execute(trx);
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
