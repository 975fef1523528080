import { readFileSync } from 'node:fs';

/**
 * CPU time a process has used, every thread included (its signing and writer threads are part of what a
 * token costs), read from `/proc/<pid>/stat` in clock ticks. Linux only; elsewhere it answers undefined
 * and the benchmark leaves the CPU columns empty.
 */
const ticksPerSecond = 100;

export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}
