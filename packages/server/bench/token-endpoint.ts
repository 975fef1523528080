import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cpuByPhase, type Phase, phases } from './cpu-phases.js';
import { describeMachine } from './machine.js';
import { type OpenLoopResult, openLoopInChild } from './open-loop.js';
import { cpuSeconds } from './process-cpu.js';
import { benchLimits, freePort, postgresSchema, start, stop } from './processes.js';

/**
 * Token issuance (issues 5 and 18): Portcullis on SQLite and PostgreSQL — the whole pipeline — against
 * node-oidc-provider, a bare Fastify probe (form + one HMAC + one JWT) and the HTTP ceiling (Fastify with
 * the form parser answering a fixed token-sized JSON). Every target is up from the start and they take
 * turns, round after round, so each meets the same minutes of a machine whose speed moves with the hour:
 * throughput (autocannon, 64 connections, the median of the rounds), then the tail at a fixed offered load
 * of 60% of the probe's measured capacity (open loop, open-loop.ts; Portcullis's p99 ÷ the probe's p99 in
 * the same round), then where a token's CPU goes, phase by phase, from CPU profiles. Every server runs in
 * its own process on 127.0.0.1; autocannon runs in this process, each fixed-rate run in a process of its
 * own. CPU time per token comes from `/proc`, every thread of the target included.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'dist', 'cli', 'main.js');
const throughputSeconds = Number(process.env.BENCH_SECONDS ?? 8);
const throughputRounds = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 3);
const tailSeconds = Number(process.env.BENCH_TAIL_SECONDS ?? 10);
const tailRounds = Number(process.env.BENCH_ROUNDS ?? 5);
/** The fixed offered load, as a share of the probe's measured capacity (issue 18). */
const tailLoad = 0.6;
const connections = 64;

interface Target {
  name: string;
  url: string;
  body: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Target CPU seconds over the run ÷ tokens issued, in µs. */
  cpuPerToken: number | undefined;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function helperTarget(name: string, file: string): Promise<Target> {
  const port = await freePort();
  const child = await start(
    ['--import', 'tsx', path.join(here, 'targets', file)],
    { PORT: String(port), CLIENT_ID: 'bench', CLIENT_SECRET: 'bench-secret' },
    /ready/,
  );
  return {
    name,
    url: `http://127.0.0.1:${port}/oauth/token`,
    body: form({ grant_type: 'client_credentials', client_id: 'bench', client_secret: 'bench-secret' }),
    pid: child.pid,
    stop: () => stop(child),
  };
}

async function portcullisTarget(
  name: string,
  databaseUrl: string | undefined,
  dataDir: string,
  profileDir?: string,
): Promise<Target> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await start(
    [cli, 'start'],
    {
      PORTCULLIS_PORT: String(port),
      PORTCULLIS_DATA_DIR: dataDir,
      PORTCULLIS_MASTER_KEY: randomBytes(32).toString('hex'),
      PORTCULLIS_ADMIN_PASSWORD: 'benchmark password',
      // Per-request log lines are off in every target alike.
      PORTCULLIS_LOG_LEVEL: 'warn',
      ...benchLimits,
      ...(databaseUrl ? { PORTCULLIS_DATABASE_URL: databaseUrl } : {}),
    },
    undefined,
    profileDir,
  );
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${base}/health`).catch(() => undefined))?.ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads a few fields of untyped API answers.
  const json = (response: Response) => response.json() as Promise<Record<string, any>>;
  const post = (pathname: string, token: string | undefined, body?: unknown) =>
    fetch(`${base}${pathname}`, {
      method: 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then(json);
  const { accessToken } = await post('/api/v1/auth/login', undefined, {
    email: 'admin@acme.example',
    password: 'benchmark password',
  });
  const roles = await fetch(`${base}/api/v1/roles`, {
    headers: { authorization: `Bearer ${accessToken}` },
  }).then(json);
  const sa = await post('/api/v1/service-accounts', accessToken, { name: 'bench' });
  const secret = await post(`/api/v1/service-accounts/${sa.id}/secrets`, accessToken);
  await post('/api/v1/users', accessToken, {
    name: 'bench',
    serviceAccountId: sa.id,
    roleIds: [roles.items.find((r: { name: string }) => r.name === 'Read only').id],
  });
  return {
    name,
    url: `${base}/oauth/token`,
    body: form({
      grant_type: 'client_credentials',
      client_id: secret.clientId,
      client_secret: secret.clientSecret,
    }),
    pid: child.pid,
    stop: () => stop(child),
  };
}

/** Runs `work` and answers the target's CPU time over it per token issued, in µs. */
async function withCpu<T>(target: Target, work: () => Promise<T>, tokens: (result: T) => number) {
  const before = cpuSeconds(target.pid);
  const result = await work();
  const after = cpuSeconds(target.pid);
  const issued = tokens(result);
  const cpuPerToken =
    before === undefined || after === undefined || issued === 0
      ? undefined
      : ((after - before) / issued) * 1e6;
  return { result, cpuPerToken };
}

async function load(target: Target, options: { seconds: number; connections: number }): Promise<Result> {
  const { result, cpuPerToken } = await withCpu(
    target,
    () =>
      autocannon({
        url: target.url,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: target.body,
        connections: options.connections,
        duration: options.seconds,
      }),
    (r) => r['2xx'],
  );
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    cpuPerToken,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const fixed = (value: number | undefined, digits = 2) => (value === undefined ? '' : value.toFixed(digits));

/** Throughput: every target once per round, in turn, after a short warm-up each. */
async function measureThroughput(targets: Target[]): Promise<Result[][]> {
  for (const target of targets) await load(target, { seconds: 2, connections: 16 });
  const runs: Result[][] = targets.map(() => []);
  for (let round = 0; round < throughputRounds; round++) {
    for (const [i, target] of targets.entries()) {
      runs[i]!.push(await load(target, { seconds: throughputSeconds, connections }));
    }
  }
  return runs;
}

interface TailRun extends OpenLoopResult {
  cpuPerToken: number | undefined;
}

const fixedLoad = (target: Target, rate: number, seconds: number): Promise<TailRun> =>
  withCpu(
    target,
    () => openLoopInChild({ url: target.url, body: target.body, rate, seconds, connections }),
    (r) => r.completed,
  ).then(({ result, cpuPerToken }) => ({ ...result, cpuPerToken }));

/** The tail at a fixed rate: the probe and each Portcullis take turns, warmed at that rate first. */
async function measureTail(targets: Target[], rate: number): Promise<TailRun[][]> {
  for (const target of targets) await fixedLoad(target, rate, 3);
  const runs: TailRun[][] = targets.map(() => []);
  for (let round = 0; round < tailRounds; round++) {
    for (const [i, target] of targets.entries()) runs[i]!.push(await fixedLoad(target, rate, tailSeconds));
  }
  return runs;
}

/**
 * A fresh Portcullis that writes CPU profiles, saturated for a few seconds. The profiles give each phase's
 * share of the samples inside the measured window (cpu-phases.ts); `/proc` gives the process's CPU time in
 * that window. A sampler counts wall time while a thread is on its stack, descheduled or not, so on a busy
 * machine the shares are right and the sampled total is not: the shares split the `/proc` total.
 */
async function measurePhases(name: string, databaseUrl: string | undefined, dataDir: string) {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'portcullis-phases-'));
  try {
    const target = await portcullisTarget(name, databaseUrl, dataDir, profileDir);
    let window = { fromUs: 0, toUs: 0, cpuPerToken: 0 };
    try {
      await load(target, { seconds: 3, connections: 16 });
      const fromUs = Number(process.hrtime.bigint() / 1000n);
      const run = await load(target, { seconds: 5, connections });
      window = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n), cpuPerToken: run.cpuPerToken ?? 0 };
    } finally {
      await target.stop();
    }
    const byPhase = cpuByPhase(profileDir, window.fromUs, window.toUs);
    const sampled = [...byPhase.values()].reduce((a, b) => a + b, 0);
    return {
      name,
      cpuPerToken: window.cpuPerToken,
      perToken: new Map([...byPhase].map(([phase, us]) => [phase, (us / sampled) * window.cpuPerToken])),
    };
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

export async function benchTokenEndpoint(): Promise<void> {
  console.log(`\n## Token issuance (${describeMachine()})`);
  console.log(
    `Portcullis's token rate limits are set to ${benchLimits.PORTCULLIS_TOKEN_RATE_LIMIT_PER_ADDRESS} per address and per client, out of this load's reach; the limiter still runs.`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portcullis-bench-'));
  const postgres = await postgresSchema();
  const targets: Target[] = [];
  let throughput: Result[][] = [];
  let tail: TailRun[][] = [];
  let tailRate = 0;
  let tailTargets: Target[] = [];
  const phaseRuns: Awaited<ReturnType<typeof measurePhases>>[] = [];
  try {
    targets.push(await helperTarget('HTTP ceiling (form + fixed JSON)', 'http-ceiling.ts'));
    targets.push(await helperTarget('bare probe (form + HMAC + JWT)', 'bare-probe.ts'));
    targets.push(await helperTarget('oidc-provider 9 (memory adapter)', 'oidc-provider.ts'));
    targets.push(await portcullisTarget('Portcullis, SQLite', undefined, path.join(dataDir, 'sqlite')));
    if (postgres) {
      targets.push(await portcullisTarget('Portcullis, PostgreSQL', postgres.url, path.join(dataDir, 'pg')));
    }
    throughput = await measureThroughput(targets);
    tailRate = Math.round(tailLoad * median(throughput[1]!.map((r) => r.rps)));
    tailTargets = [targets[1]!, ...targets.slice(3)];
    tail = await measureTail(tailTargets, tailRate);
    await Promise.all(targets.map((t) => t.stop()));
    phaseRuns.push(await measurePhases('Portcullis, SQLite', undefined, path.join(dataDir, 'sqlite-phases')));
    if (postgres) {
      const fresh = await postgresSchema();
      try {
        phaseRuns.push(
          await measurePhases('Portcullis, PostgreSQL', fresh?.url, path.join(dataDir, 'pg-phases')),
        );
      } finally {
        await fresh?.drop();
      }
    }
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!postgres) console.log('(PostgreSQL did not answer: its rows are missing)');
  printThroughput(targets, throughput);
  printTail(tailTargets, tail, tailRate);
  printPhases(phaseRuns);
}

function printThroughput(targets: Target[], runs: Result[][]): void {
  console.log(
    `\n### Throughput: ${throughputRounds} rounds of ${throughputSeconds} s at ${connections} connections, the targets taking turns; the median round per target`,
  );
  const rps = runs.map((r) => median(r.map((x) => x.rps)));
  const cpu = runs.map((r) => median(r.flatMap((x) => (x.cpuPerToken === undefined ? [] : [x.cpuPerToken]))));
  const [ceiling, probe, op] = [rps[0]!, rps[1]!, rps[2]!];
  console.log(
    'target | req/s (median) | req/s per round | p99 ms (median) | errors | × oidc-provider | × HTTP ceiling | × bare probe | CPU µs per token | CPU × probe',
  );
  console.log('---|---|---|---|---|---|---|---|---|---');
  for (const [i, target] of targets.entries()) {
    const r = runs[i]!;
    console.log(
      [
        target.name,
        Math.round(rps[i]!),
        r.map((x) => Math.round(x.rps)).join(', '),
        median(r.map((x) => x.p99)),
        r.reduce((sum, x) => sum + x.errors, 0),
        fixed(rps[i]! / op),
        fixed(rps[i]! / ceiling),
        fixed(rps[i]! / probe),
        fixed(cpu[i], 0),
        fixed(cpu[i]! / cpu[1]!),
      ].join(' | '),
    );
  }
}

function printTail(targets: Target[], runs: TailRun[][], rate: number): void {
  console.log(
    `\n### Tail at a fixed ${rate} req/s (${tailLoad * 100}% of the probe's median capacity), open loop: ${tailRounds} rounds of ${tailSeconds} s, the targets taking turns; latency from when each request was due`,
  );
  console.log(
    `round | ${targets.map((t) => `${t.name} p99 ms`).join(' | ')} | ${targets
      .slice(1)
      .map((t) => `${t.name} ÷ probe`)
      .join(' | ')}`,
  );
  console.log(
    `---|${targets.map(() => '---').join('|')}|${targets
      .slice(1)
      .map(() => '---')
      .join('|')}`,
  );
  for (let round = 0; round < tailRounds; round++) {
    const probe = runs[0]![round]!.p99;
    console.log(
      `${round + 1} | ${runs.map((r) => fixed(r[round]!.p99)).join(' | ')} | ${runs
        .slice(1)
        .map((r) => fixed(r[round]!.p99 / probe))
        .join(' | ')}`,
    );
  }
  console.log(
    '\ntarget | completed (median) | errors | p50 ms (median) | p99 ÷ probe p99 (median of rounds) | CPU µs per token | CPU × probe',
  );
  console.log('---|---|---|---|---|---|---');
  const cpu = runs.map((r) => median(r.flatMap((x) => (x.cpuPerToken === undefined ? [] : [x.cpuPerToken]))));
  for (const [i, target] of targets.entries()) {
    const r = runs[i]!;
    const ratio = median(r.map((x, round) => x.p99 / runs[0]![round]!.p99));
    console.log(
      [
        target.name,
        median(r.map((x) => x.completed)),
        r.reduce((sum, x) => sum + x.errors, 0),
        fixed(median(r.map((x) => x.p50))),
        i === 0 ? '1.00' : `**${fixed(ratio)}** (goal ≤ 1.25)`,
        fixed(cpu[i], 0),
        fixed(cpu[i]! / cpu[0]!),
      ].join(' | '),
    );
  }
}

function printPhases(runs: { name: string; cpuPerToken: number; perToken: Map<Phase, number> }[]): void {
  if (runs.length === 0) return;
  console.log(
    "\n### CPU per token by phase, µs: a fresh target saturated for 5 s; the total from `/proc`, split by the phases' shares of V8 CPU-profile samples of every thread (statistical, good to a few per cent)",
  );
  console.log(`phase | ${runs.map((r) => r.name).join(' | ')}`);
  console.log(`---|${runs.map(() => '---').join('|')}`);
  for (const phase of phases) {
    console.log(`${phase} | ${runs.map((r) => fixed(r.perToken.get(phase), 1)).join(' | ')}`);
  }
  console.log(`total (/proc) | ${runs.map((r) => fixed(r.cpuPerToken, 1)).join(' | ')}`);
}
