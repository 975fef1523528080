import { describe, expect, it } from 'vitest';
import { AuditBatch } from '../../src/services/audit/audit-batch.js';
import { systemCaller } from '../../src/services/context.js';
import { UsageRecorder } from '../../src/services/usage/usage-recorder.js';
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

describe('flushing batched writes', () => {
  it('waits for a usage batch the timer already sent before saying last-used times are written', async () => {
    const { writer, committed, commitNext } = gatedWriter();
    const usage = new UsageRecorder(writer, () => undefined);
    usage.record('sa_1', 'sec_1', 1000);
    const byTimer = usage.flush();
    const byCaller = usage.flush();
    expect(await settledSoon(byCaller)).toBe(false);
    commitNext();
    await Promise.all([byTimer, byCaller]);
    expect(committed).toHaveLength(1);
  });

  it('waits for an audit batch the timer already sent before saying issuance events are written', async () => {
    const { writer, committed, commitNext } = gatedWriter();
    const audit = new AuditBatch(writer, () => undefined);
    audit.enqueue(systemCaller(), 1000, {
      organizationId: null,
      action: 'token.issued',
      targetType: 'service_account',
      targetId: 'sa_1',
    });
    const byTimer = audit.flush();
    const byCaller = audit.flush();
    expect(await settledSoon(byCaller)).toBe(false);
    commitNext();
    await Promise.all([byTimer, byCaller]);
    expect(committed).toHaveLength(1);
  });
});
