import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { describeMachine } from './machine.js';
import { type OpenLoopResult, openLoopInChild } from './open-loop.js';
import { benchLimits, freePort, postgresSchema, start, stop } from './processes.js';

/**
 * Token issuance under load (issue 5): Portcullis on SQLite and PostgreSQL — the whole pipeline — against
 * node-oidc-provider and a bare Fastify probe (form + one HMAC + one JWT): autocannon, 64 connections for
 * 10 s each, for throughput; and a fixed offered load of 2,000 req/s, open loop (open-loop.ts), for
 * latency, the targets taking turns. Every server runs in its own process on 127.0.0.1; autocannon runs in
 * this process, each fixed-rate run in a process of its own.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'dist', 'cli', 'main.js');
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const fixedRate = 2000;

interface Target {
  name: string;
  url: string;
  body: string;
  stop(): Promise<void>;
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
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
    stop: () => stop(child),
  };
}

async function portcullisTarget(
  name: string,
  databaseUrl: string | undefined,
  dataDir: string,
): Promise<Target> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await start([cli, 'start'], {
    PORTCULLIS_PORT: String(port),
    PORTCULLIS_DATA_DIR: dataDir,
    PORTCULLIS_MASTER_KEY: randomBytes(32).toString('hex'),
    PORTCULLIS_ADMIN_PASSWORD: 'benchmark password',
    // Per-request log lines are off in every target alike.
    PORTCULLIS_LOG_LEVEL: 'warn',
    ...benchLimits,
    ...(databaseUrl ? { PORTCULLIS_DATABASE_URL: databaseUrl } : {}),
  });
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
    stop: () => stop(child),
  };
}

async function load(target: Target, options: { seconds: number; connections: number }): Promise<Result> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: target.body,
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    name: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

interface FixedRateResult {
  name: string;
  /** In round order: one run per round, the targets taking turns within each round. */
  runs: OpenLoopResult[];
  /** One more run right after the saturation run. */
  afterSaturation?: OpenLoopResult;
}

const fixedRateRounds = 5;
/** Issue 5's latency target at the fixed rate. */
const p99TargetMs = 5;

const fixedLoad = (target: Target, seconds: number) =>
  openLoopInChild({ url: target.url, body: target.body, rate: fixedRate, seconds, connections: 64 });

/**
 * The fixed-rate runs come first, on servers warmed at that rate: they measure the steady state the target
 * is about. The targets take turns, one 10 s run each per round, so that every round puts the probe and
 * Portcullis under the same conditions: on a shared machine the tail moves with the hour, and runs of one
 * target minutes apart from another's would compare the hours, not the servers.
 */
async function measureFixedRate(targets: Target[]): Promise<FixedRateResult[]> {
  for (const target of targets) await fixedLoad(target, 3);
  const results: FixedRateResult[] = targets.map((t) => ({ name: t.name, runs: [] }));
  for (let round = 0; round < fixedRateRounds; round++) {
    for (const [i, target] of targets.entries())
      results[i]!.runs.push(await fixedLoad(target, durationSeconds));
  }
  return results;
}

/**
 * A server that has just been saturated is still paying for it for a while (its heap grew, its database
 * took ten seconds of full-rate writes), so the run after saturation is shown apart.
 */
async function saturate(target: Target, fixed: FixedRateResult | undefined): Promise<Result> {
  try {
    await load(target, { seconds: 2, connections: 16 });
    const result = await load(target, { seconds: durationSeconds, connections: 64 });
    if (fixed) fixed.afterSaturation = await fixedLoad(target, durationSeconds);
    return result;
  } finally {
    await target.stop();
  }
}

export async function benchTokenEndpoint(): Promise<void> {
  console.log(`\n## Token issuance under load, ${durationSeconds} s × 64 connections (${describeMachine()})`);
  console.log(
    `Portcullis's token rate limits are set to ${benchLimits.PORTCULLIS_TOKEN_RATE_LIMIT_PER_ADDRESS} per address and per client, out of this load's reach; the limiter still runs.`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portcullis-bench-'));
  const postgres = await postgresSchema();
  const results: Result[] = [];
  let fixed: FixedRateResult[] = [];
  const started: Target[] = [];
  try {
    started.push(await helperTarget('bare probe (form + HMAC + JWT)', 'bare-probe.ts'));
    started.push(await portcullisTarget('Portcullis, SQLite', undefined, path.join(dataDir, 'sqlite')));
    if (postgres) {
      started.push(await portcullisTarget('Portcullis, PostgreSQL', postgres.url, path.join(dataDir, 'pg')));
    }
    fixed = await measureFixedRate(started);
    const [probeTarget, ...portcullisTargets] = started;
    results.push(await saturate(probeTarget!, fixed[0]));
    const oidcProvider = await helperTarget('oidc-provider 9 (memory adapter)', 'oidc-provider.ts');
    started.push(oidcProvider);
    results.push(await saturate(oidcProvider, undefined));
    for (const [i, target] of portcullisTargets.entries()) results.push(await saturate(target, fixed[i + 1]));
  } finally {
    await Promise.all(started.map((t) => t.stop()));
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!postgres) console.log('(PostgreSQL did not answer: its row is missing)');
  const find = (prefix: string) => results.find((r) => r.name.startsWith(prefix));
  const probe = find('bare probe');
  const op = find('oidc-provider');
  console.log('target | req/s | p50 ms | p99 ms | errors | × oidc-provider | × bare probe');
  console.log('---|---|---|---|---|---|---');
  for (const r of results) {
    const ratio = (base: Result | undefined) => (base ? (r.rps / base.rps).toFixed(2) : '');
    console.log(
      `${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio(op)} | ${ratio(probe)}`,
    );
  }
  const ms = (value: number) => value.toFixed(2);
  console.log(
    `\nFixed offered load, open loop, ${fixedRate} req/s: ${fixedRateRounds} rounds in which each target, warmed at that rate, takes one ${durationSeconds} s run in turn, each from a fresh generator process; latency from when each request was due. p99 per round:`,
  );
  console.log(`round | ${fixed.map((f) => f.name).join(' | ')}`);
  console.log(`---|${fixed.map(() => '---').join('|')}`);
  for (let round = 0; round < fixedRateRounds; round++) {
    console.log(`${round + 1} | ${fixed.map((f) => ms(f.runs[round]!.p99)).join(' | ')}`);
  }
  console.log('\nThe median run by p99, with the range over the rounds:');
  console.log(
    `target | completed | errors | p50 ms | p99 ms (range) | rounds with p99 ≤ ${p99TargetMs} ms | max ms (range) | p99 ms, one run right after saturation`,
  );
  console.log('---|---|---|---|---|---|---|---');
  for (const { name, runs, afterSaturation } of fixed) {
    const sorted = [...runs].sort((a, b) => a.p99 - b.p99);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const range = (pick: (r: OpenLoopResult) => number) =>
      `${ms(Math.min(...runs.map(pick)))}–${ms(Math.max(...runs.map(pick)))}`;
    const within = runs.filter((r) => r.p99 <= p99TargetMs).length;
    console.log(
      `${name} | ${median.completed} | ${median.errors} | ${ms(median.p50)} | ${ms(median.p99)} (${range((r) => r.p99)}) | ${within} of ${runs.length} | ${ms(median.max)} (${range((r) => r.max)}) | ${afterSaturation ? ms(afterSaturation.p99) : ''}`,
    );
  }
}
