import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { runProcess } from './run-process.js';

/** Debian's HAProxy (`apt-get install -y haproxy`; .ci/run installs it). */
export const haproxyPath = process.env.PORTCULLIS_HAPROXY ?? '/usr/sbin/haproxy';

/**
 * A suite that needs HAProxy. Without it the suite is skipped, loudly — and fails under CI=true, where .ci/run
 * installs it.
 */
export function describeWithHaproxy(title: string, suite: () => void): void {
  if (existsSync(haproxyPath)) {
    describe(title, suite);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      throw new Error(`HAProxy is required under CI=true and is not at ${haproxyPath}`);
    });
    return;
  }
  console.warn(
    `\n!!! SKIPPED "${title}": no HAProxy at ${haproxyPath}. Install it: apt-get install -y haproxy\n`,
  );
  describe.skip(title, suite);
}

/** `haproxy -c`: whether the configuration files parse, with the environment their `${…}` read. */
export async function checkHaproxyConfig(
  files: string[],
  env: Record<string, string>,
): Promise<{ valid: boolean; output: string }> {
  const run = await runProcess(haproxyPath, ['-c', ...files.flatMap((file) => ['-f', file])], {
    env: { ...process.env, ...env },
  });
  return { valid: run.code === 0, output: run.stdout + run.stderr };
}

export interface RunningHaproxy {
  /** Its access log so far (`option httplog`, one line per request), and its start-up messages. */
  log(): string;
  /** False once it has exited, as it does at once on a configuration error. */
  running(): boolean;
  stop(): Promise<void>;
}

/** HAProxy in the foreground (`-db`) with the given files, its log on standard output. */
export function startHaproxy(files: string[], env: Record<string, string>): RunningHaproxy {
  const child: ChildProcess = spawn(haproxyPath, ['-db', ...files.flatMap((file) => ['-f', file])], {
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    log: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
