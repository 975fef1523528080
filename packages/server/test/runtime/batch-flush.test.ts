import { afterEach, describe, expect, it, vi } from 'vitest';
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
  let requests = 0;
  const counted: BackgroundWriter = {
    write: (batch) => {
      requests++;
      return writer.write(batch);
    },
    close: writer.close,
  };
  return { writer: counted, committed, commitNext: () => gates.shift()?.(), requested: () => requests };
}

const settledSoon = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return settled;
};

const quiet = { error: () => undefined };

/** Each batcher, with a way to record one more item. */
const batchers = [
  {
    what: 'last-used times',
    make: (writer: BackgroundWriter, intervalMs?: number) => {
      const usage = new UsageRecorder(writer, quiet, intervalMs);
      let n = 0;
      return { batcher: usage, record: () => usage.record(`sa_${++n}`, `sec_${n}`, 1000 + n) };
    },
  },
  {
    what: 'issuance audit events',
    make: (writer: BackgroundWriter, intervalMs?: number) => {
      const audit = new AuditBatch(writer, quiet, intervalMs);
      return {
        batcher: audit,
        record: () =>
          audit.enqueue(systemCaller(), 1000, {
            organizationId: null,
            action: 'token.issued',
            targetType: 'service_account',
            targetId: 'sa_1',
          }),
      };
    },
  },
];

describe.each(batchers)('flushing batched $what', ({ make }) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a batch the timer already sent before saying everything is written', async () => {
    const { writer, committed, commitNext } = gatedWriter();
    const { batcher, record } = make(writer);
    record();
    const byTimer = batcher.flush();
    const byCaller = batcher.flush();
    expect(await settledSoon(byCaller)).toBe(false);
    commitNext();
    await Promise.all([byTimer, byCaller]);
    expect(committed).toHaveLength(1);
  });

  it('starts the flush that fell due during a write as soon as that write commits, not a tick later', async () => {
    vi.useFakeTimers();
    const { writer, committed, commitNext, requested } = gatedWriter();
    const { batcher, record } = make(writer, 100);
    batcher.start();
    record();
    await vi.advanceTimersByTimeAsync(100);
    expect(requested()).toBe(1);
    // Recorded while the first write is under way, and the tick passes before that write commits.
    record();
    await vi.advanceTimersByTimeAsync(100);
    expect(requested()).toBe(1);
    commitNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(requested()).toBe(2);
    commitNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(committed).toHaveLength(2);
    await batcher.stop();
  });

  it('waits for the next tick when nothing fell due during a write', async () => {
    vi.useFakeTimers();
    const { writer, commitNext, requested } = gatedWriter();
    const { batcher, record } = make(writer, 100);
    batcher.start();
    record();
    await vi.advanceTimersByTimeAsync(100);
    record();
    commitNext();
    await vi.advanceTimersByTimeAsync(50);
    expect(requested()).toBe(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(requested()).toBe(2);
    commitNext();
    await batcher.stop();
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
