import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Fixture } from './cold-check-subjects.js';

const run = promisify(execFile);

/**
 * Instructions per check, counted by valgrind's callgrind: unlike time, the count does not move with what
 * else the machine runs (its CPU steal, other processes), so the ratio it gives is repeatable. Each subject
 * runs twice, `warmUp` checks then `count` more or none; the difference is `count` checks, start-up and
 * warm-up cancelled out. What V8's optimizing compiler still does in that window (its background jobs) is
 * warm-up finishing late, not a check's cost, and is left out and shown. Threads are counted together, so the
 * signature work express-oauth2-jwt-bearer sends to libuv's pool is in its count. Kernel work (that hop's
 * futex and eventfd calls) is not counted, which can only favour express-oauth2-jwt-bearer.
 */
export interface InstructionCount {
  /** Every thread's instructions but the optimizing compiler's. */
  perCheck: number;
  /** The optimizing compiler's, left out of `perCheck`: near 0 once the warm-up was long enough. */
  compilerPerCheck: number;
  /** Of those, OpenSSL's ECDSA verification (`ECDSA_do_verify`): the same call under every library. */
  ecdsaPerCheck: number;
}

export function valgrindAvailable(): boolean {
  return spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** One process to run under valgrind: the subjects and the counting loop, bundled so start-up stays short. */
async function bundleDriver(directory: string): Promise<string> {
  const outfile = join(directory, 'count-checks.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./count-checks.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    // CommonJS dependencies (fast-jwt, express-oauth2-jwt-bearer) call require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

interface RunCount {
  total: number;
  ecdsa: number;
  compiler: number;
}

/** A function's inclusive count from callgrind_annotate's listing (0 when it never ran). */
function inclusive(listing: string, pattern: RegExp): number {
  const line = listing.split('\n').find((l) => pattern.test(l));
  return Number(line?.trim().split(/\s+/)[0]?.replaceAll(',', '') ?? 0);
}

async function countRun(
  driver: string,
  fixturePath: string,
  subject: string,
  warmUp: number,
  count: number,
): Promise<RunCount> {
  const out = `${driver}.${subject}.${count}.callgrind`;
  await run(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${out}`,
      process.execPath,
      driver,
      fixturePath,
      subject,
      String(warmUp),
      String(count),
    ],
    { maxBuffer: 64 * 2 ** 20 },
  );
  const total = Number(/^totals: (\d+)/m.exec(await readFile(out, 'utf8'))?.[1]);
  const { stdout } = await run('callgrind_annotate', ['--inclusive=yes', '--threshold=100', out], {
    maxBuffer: 256 * 2 ** 20,
  });
  if (!Number.isFinite(total)) throw new Error(`callgrind wrote no total to ${out}`);
  return {
    total,
    ecdsa: inclusive(stdout, /:ECDSA_do_verify /),
    compiler: inclusive(stdout, /OptimizingCompileDispatcher::CompileTask::RunInternal\(\)/),
  };
}

export async function countInstructions(
  fixture: Fixture,
  subjects: readonly string[],
  { warmUp, count }: { warmUp: number; count: number },
): Promise<Record<string, InstructionCount>> {
  const directory = await mkdtemp(join(tmpdir(), 'portcullis-sdk-bench-'));
  try {
    const driver = await bundleDriver(directory);
    const fixturePath = join(directory, 'fixture.json');
    await writeFile(fixturePath, JSON.stringify(fixture));
    const counts: Record<string, InstructionCount> = {};
    for (const subject of subjects) {
      // The two runs of a subject side by side: the counts do not depend on what runs beside them.
      const [without, withChecks] = await Promise.all([
        countRun(driver, fixturePath, subject, warmUp, 0),
        countRun(driver, fixturePath, subject, warmUp, count),
      ]);
      const compilerPerCheck = (withChecks.compiler - without.compiler) / count;
      counts[subject] = {
        perCheck: (withChecks.total - without.total) / count - compilerPerCheck,
        compilerPerCheck,
        ecdsaPerCheck: (withChecks.ecdsa - without.ecdsa) / count,
      };
    }
    return counts;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
