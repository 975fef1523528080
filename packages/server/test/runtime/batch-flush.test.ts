import { describe, expect, it } from 'vitest';
import { AuditBatch } from '../../src/runtime/batching/audit-batch.js';
import { UsageRecorder } from '../../src/runtime/batching/usage-recorder.js';
import { systemCaller } from '../../src/services/context.js';
import type { BackgroundWrite, BackgroundWriter } from '../../src/store/background/background-writes.js';

/** A writer whose batches commit only when the test says so, to hold one "in flight". */
function gatedWriter() {
  const committed: BackgroundWrite[] = [];
  const gates: (() => void)[] = [];
  const writer: BackgroundWriter = {
    write: (batch) =>
      new Promise((resolve) => {
        gates.push(() => {
          committed.push(batch);
          resolve();
        });
      }),
    close: async () => undefined,
  };
  return { writer, committed, commitNext: () => gates.shift()?.() };
}

const settledSoon = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return settled;
};

const quiet = { error: () => undefined };

/** Each batcher with one item recorded, and its flush. */
const batchers = [
  {
    what: 'last-used times',
    fill: (writer: BackgroundWriter) => {
      const usage = new UsageRecorder(writer, quiet);
      usage.record('sa_1', 'sec_1', 1000);
      return () => usage.flush();
    },
  },
  {
    what: 'issuance audit events',
    fill: (writer: BackgroundWriter) => {
      const audit = new AuditBatch(writer, quiet);
      audit.enqueue(systemCaller(), 1000, {
        organizationId: null,
        action: 'token.issued',
        targetType: 'service_account',
        targetId: 'sa_1',
      });
      return () => audit.flush();
    },
  },
];

describe.each(batchers)('flushing batched $what', ({ fill }) => {
  it('waits for a batch the timer already sent before saying everything is written', async () => {
    const { writer, committed, commitNext } = gatedWriter();
    const flush = fill(writer);
    const byTimer = flush();
    const byCaller = flush();
    expect(await settledSoon(byCaller)).toBe(false);
    commitNext();
    await Promise.all([byTimer, byCaller]);
    expect(committed).toHaveLength(1);
  });
});

describe('a failed write of last-used times', () => {
  it('is kept and written with the next flush, merged with the times recorded since', async () => {
    const written: BackgroundWrite[] = [];
    let failures = 1;
    const writer: BackgroundWriter = {
      write: async (batch) => {
        if (failures-- > 0) throw new Error('database busy');
        written.push(batch);
      },
      close: async () => undefined,
    };
    const usage = new UsageRecorder(writer, quiet);
    usage.record('sa_1', 'sec_1', 2000);
    usage.record('sa_2', 'sec_2', 1000);
    await expect(usage.flush()).rejects.toThrow('database busy');
    usage.record('sa_1', 'sec_1', 1500);
    usage.record('sa_2', 'sec_2', 3000);
    usage.record('sa_3', 'sec_3', 2500);
    await usage.flush();
    expect(written).toEqual([
      {
        kind: 'usage',
        serviceAccounts: new Map([
          ['sa_1', 2000],
          ['sa_2', 3000],
          ['sa_3', 2500],
        ]),
        secrets: new Map([
          ['sec_1', 2000],
          ['sec_2', 3000],
          ['sec_3', 2500],
        ]),
      },
    ]);
  });
});
