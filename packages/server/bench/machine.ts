import { cpus, totalmem } from 'node:os';

/** Every benchmark prints the machine it ran on: numbers without one mean nothing. */
export function describeMachine(): string {
  const cpu = cpus();
  return [
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM`,
    `Node ${process.version}`,
    `${process.platform}/${process.arch}`,
  ].join(', ');
}

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; returns nanoseconds per call. */
export function measure(fn: () => unknown, ms = 1000): number {
  const warmUntil = performance.now() + ms / 5;
  while (performance.now() < warmUntil) fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const until = performance.now() + ms;
  while (performance.now() < until) {
    for (let i = 0; i < 16; i++) fn();
    calls += 16;
  }
  return Number(process.hrtime.bigint() - start) / calls;
}

export async function measureAsync(fn: () => Promise<unknown>, ms = 1000): Promise<number> {
  const warmUntil = performance.now() + ms / 5;
  while (performance.now() < warmUntil) await fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const until = performance.now() + ms;
  while (performance.now() < until) {
    await fn();
    calls++;
  }
  return Number(process.hrtime.bigint() - start) / calls;
}
