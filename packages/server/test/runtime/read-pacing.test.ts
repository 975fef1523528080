import { describe, expect, it } from 'vitest';
import { ReadPacing } from '../../src/runtime/audit-reads/read-pacing.js';

describe('audit read pacing', () => {
  it("spaces one caller's reads and lets another caller read meanwhile", async () => {
    const pacing = new ReadPacing(50);
    const started = performance.now();
    const order: string[] = [];
    const turn = (caller: string) => pacing.turn(caller).then(() => order.push(caller));
    await Promise.all([turn('alice'), turn('alice'), turn('alice'), turn('bob')]);
    // Alice's third read waited for two intervals; Bob's first did not wait for Alice's.
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(order.indexOf('bob')).toBeLessThan(order.lastIndexOf('alice'));
  });

  it('lets a caller who paused read at once', async () => {
    const pacing = new ReadPacing(50);
    await pacing.turn('alice');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const first = await Promise.race([
      pacing.turn('alice').then(() => 'read'),
      new Promise((resolve) => setTimeout(() => resolve('waited'), 25)),
    ]);
    expect(first).toBe('read');
  });
});
