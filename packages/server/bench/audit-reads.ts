import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { type ReaderStats, readAuditLogInChild } from './audit-reader-client.js';
import { describeMachine } from './machine.js';
import { type OpenLoopResult, openLoopInChild } from './open-loop.js';
import { benchLimits, freePort, postgresSchema, start, stop } from './processes.js';

/**
 * Audit reads against token issuance (issue 13): Portcullis on SQLite and on PostgreSQL, each holding at
 * least a million audit events of its organization, at a fixed token load (open loop, open-loop.ts), with
 * and without a Read-only person listing audit pages back to back and exporting the whole log meanwhile.
 * The runs take turns — per round each engine quiet, then reading (reading first every other round) — so
 * that both conditions meet the same minutes of a shared machine. Target: token p99 while reading at most
 * 1.5× the quiet p99. Every server runs in its own process on 127.0.0.1; the readers run in this process,
 * each fixed-rate run in a process of its own.
 *
 * Alone: `BENCH=audit-reads npm run bench`. BENCH_SECONDS (10) is each run's length, BENCH_ROUNDS (5) the
 * rounds, BENCH_AUDIT_EVENTS (1,000,000) the events loaded per engine, BENCH_AUDIT_READING (`list,export`)
 * what the person does, to tell the two apart.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'dist', 'cli', 'main.js');
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const eventCount = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const tokenRate = 1000;
const ratioTarget = 1.5;
const readerPassword = 'benchmark reader password';
const reading = new Set((process.env.BENCH_AUDIT_READING ?? 'list,export').split(',').map((s) => s.trim()));

interface Server {
  name: string;
  base: string;
  databaseUrl: string;
  tokenBody: string;
  organizationId: string;
  serviceAccountId: string;
  adminLoginId: string;
  stop(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: the benchmark reads a few fields of untyped API answers.
type Json = Record<string, any>;

async function call(
  base: string,
  method: string,
  pathname: string,
  token?: string,
  body?: unknown,
): Promise<Json> {
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

const login = async (base: string, email: string, password: string) =>
  (await call(base, 'POST', '/api/v1/auth/login', undefined, { email, password })).accessToken as string;

/** A Portcullis of its own, with a token client and a Read-only person to read the audit log. */
async function startServer(name: string, databaseUrl: string, dataDir: string): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await start([cli, 'start'], {
    PORTCULLIS_PORT: String(port),
    PORTCULLIS_DATA_DIR: dataDir,
    PORTCULLIS_DATABASE_URL: databaseUrl,
    PORTCULLIS_MASTER_KEY: randomBytes(32).toString('hex'),
    PORTCULLIS_ADMIN_PASSWORD: 'benchmark password',
    PORTCULLIS_LOG_LEVEL: 'warn',
    ...benchLimits,
  });
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${base}/health`).catch(() => undefined))?.ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const admin = await login(base, 'admin@acme.example', 'benchmark password');
  const organizationId = (await call(base, 'GET', '/api/v1/organization', admin)).id as string;
  const roles = (await call(base, 'GET', '/api/v1/roles', admin)).items as Json[];
  const readOnly = roles.find((r) => r.name === 'Read only')!.id as string;
  const logins = (await call(base, 'GET', '/api/v1/logins', admin)).items as Json[];
  const adminLoginId = logins.find((l) => l.email === 'admin@acme.example')!.id as string;
  const sa = await call(base, 'POST', '/api/v1/service-accounts', admin, { name: 'bench' });
  const secret = await call(base, 'POST', `/api/v1/service-accounts/${sa.id}/secrets`, admin);
  await call(base, 'POST', '/api/v1/users', admin, {
    name: 'bench',
    serviceAccountId: sa.id,
    roleIds: [readOnly],
  });
  const reader = await call(base, 'POST', '/api/v1/logins', admin, {
    email: 'reader@acme.example',
    name: 'Reader',
    password: readerPassword,
  });
  await call(base, 'POST', '/api/v1/users', admin, {
    name: 'reader',
    loginId: reader.id,
    roleIds: [readOnly],
  });
  return {
    name,
    base,
    databaseUrl,
    tokenBody: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: secret.clientId,
      client_secret: secret.clientSecret,
    }).toString(),
    organizationId,
    serviceAccountId: sa.id as string,
    adminLoginId,
    stop: () => stop(child),
  };
}

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** SQL (both engines) for the Crockford base-32 digits of a non-negative integer expression, as ULIDs hold them. */
function base32(expression: string, digits: number): string {
  return Array.from({ length: digits }, (_, k) => {
    const power = 32 ** (digits - 1 - k);
    return `substr('${alphabet}', cast(((${expression}) / ${power}) % 32 + 1 as integer), 1)`;
  }).join(' || ');
}

/**
 * The select list of one loaded event, `i` its number: a month of events ending a minute ago, ids whose
 * time part is the event's moment (as the server makes them), and the mix a busy organization has —
 * mostly issuance by one client, a refusal in a hundred, a secret rotation by the admin in a thousand.
 */
function eventColumns(server: Server, now: number): string {
  const literal = (value: string) => {
    if (!/^[a-z0-9_]+$/.test(value)) throw new Error(`unexpected id ${value}`);
    return `'${value}'`;
  };
  const span = 30 * 86_400_000;
  const occurredAt = `(${now - 60_000 - span} + (i * ${span}) / ${eventCount})`;
  const rotation = 'i % 1000 = 999';
  const refusal = 'i % 100 = 42';
  return [
    `'evt_' || ${base32(occurredAt, 10)} || '0000000000' || ${base32('i', 6)}`,
    literal(server.organizationId),
    occurredAt,
    `case when ${rotation} then 'login' else 'service_account' end`,
    `case when ${rotation} then ${literal(server.adminLoginId)} else ${literal(server.serviceAccountId)} end`,
    `case when ${rotation} then 'service_account.secret_generated' when ${refusal} then 'token.refused' else 'token.issued' end`,
    `'service_account'`,
    literal(server.serviceAccountId),
    `case when ${refusal} then 'failure' else 'success' end`,
    `case when ${refusal} then 'wrong_secret' else null end`,
    `'127.0.0.1'`,
    `'bench-' || i`,
    `'{"jti":"bench-' || i || '","scope":"*:get *:list","aud":["http://127.0.0.1"]}'`,
  ].join(',\n  ');
}

const columns =
  'id, organization_id, occurred_at, actor_type, actor_id, action, target_type, target_id, result, reason, client_ip, request_id, details';

/** Straight through SQL, a hundred thousand events per statement, so the server's own writes get turns. */
async function loadEvents(server: Server): Promise<number> {
  const started = performance.now();
  const now = Date.now();
  const batch = 100_000;
  const select = eventColumns(server, now);
  if (server.databaseUrl.startsWith('sqlite:')) {
    const db = new SqliteDatabase(server.databaseUrl.slice('sqlite:'.length));
    db.pragma('busy_timeout = 30000');
    const insert = db.prepare(
      `with recursive seq(i) as (select @from union all select i + 1 from seq where i + 1 < @to)
       insert into audit_events (${columns}) select ${select} from seq`,
    );
    for (let from = 0; from < eventCount; from += batch)
      insert.run({ from, to: Math.min(from + batch, eventCount) });
    db.close();
  } else {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    for (let from = 0; from < eventCount; from += batch) {
      await client.query(
        `insert into audit_events (${columns}) select ${select} from generate_series($1::bigint, $2::bigint - 1) as seq(i)`,
        [from, Math.min(from + batch, eventCount)],
      );
    }
    await client.query('vacuum analyze audit_events');
    await client.end();
  }
  return performance.now() - started;
}

const fixedLoad = (server: Server, seconds: number) =>
  openLoopInChild({
    url: `${server.base}/oauth/token`,
    body: server.tokenBody,
    rate: tokenRate,
    seconds,
    connections: 64,
  });

/** A fixed-rate run while the person reads; the reading starts a second before and stops right after. */
async function whileReading(
  server: Server,
  seconds: number,
): Promise<{ run: OpenLoopResult; readers: ReaderStats }> {
  const readers = readAuditLogInChild({
    base: server.base,
    email: 'reader@acme.example',
    password: readerPassword,
    adminLoginId: server.adminLoginId,
    serviceAccountId: server.serviceAccountId,
    reading: [...reading],
  });
  await new Promise((r) => setTimeout(r, 1000));
  const run = await fixedLoad(server, seconds);
  return { run, readers: await readers.stop() };
}

interface EngineResult {
  server: Server;
  loadMs: number;
  quiet: OpenLoopResult[];
  reading: OpenLoopResult[];
  readers: ReaderStats[];
}

const ms = (value: number) => value.toFixed(2);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

export async function benchAuditReads(): Promise<void> {
  console.log(
    `\n## Token issuance while the audit log is read (${[...reading].join(' + ')}): ${eventCount.toLocaleString('en')} audit events, ${tokenRate} req/s, ${durationSeconds} s runs, ${rounds} rounds (${describeMachine()})`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portcullis-bench-audit-'));
  const postgres = await postgresSchema();
  const results: EngineResult[] = [];
  try {
    const targets: [string, string][] = [
      ['SQLite', `sqlite:${path.join(dataDir, 'sqlite', 'portcullis.db')}`],
    ];
    if (postgres) targets.push(['PostgreSQL', postgres.url]);
    for (const [name, databaseUrl] of targets) {
      const server = await startServer(name, databaseUrl, path.join(dataDir, name));
      results.push({ server, loadMs: 0, quiet: [], reading: [], readers: [] });
      results.at(-1)!.loadMs = await loadEvents(server);
    }
    for (const result of results) {
      await fixedLoad(result.server, 3);
      await whileReading(result.server, 3);
    }
    for (let round = 0; round < rounds; round++) {
      for (const result of results) {
        const readingFirst = round % 2 === 1;
        if (!readingFirst) result.quiet.push(await fixedLoad(result.server, durationSeconds));
        const { run, readers } = await whileReading(result.server, durationSeconds);
        result.reading.push(run);
        result.readers.push(readers);
        if (readingFirst) result.quiet.push(await fixedLoad(result.server, durationSeconds));
      }
    }
  } finally {
    await Promise.all(results.map((r) => r.server.stop()));
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!postgres) console.log('(PostgreSQL did not answer: its columns are missing)');
  for (const r of results) {
    console.log(
      `${r.server.name}: ${eventCount.toLocaleString('en')} events loaded in ${(r.loadMs / 1000).toFixed(1)} s`,
    );
  }
  console.log(
    `\nToken p99 (ms) at ${tokenRate} req/s, open loop, per round: quiet, and while the Read-only person reads (${[...reading].map((r) => (r === 'list' ? 'lists pages back to back' : 'exports the whole log again and again')).join(', ')}):`,
  );
  console.log(
    `round | ${results.map((r) => `${r.server.name} quiet | ${r.server.name} reading`).join(' | ')}`,
  );
  console.log(`---|${results.map(() => '---|---').join('|')}`);
  for (let round = 0; round < rounds; round++) {
    console.log(
      `${round + 1} | ${results.map((r) => `${ms(r.quiet[round]!.p99)} | ${ms(r.reading[round]!.p99)}`).join(' | ')}`,
    );
  }
  console.log('\nMedians over the rounds (range); the ratio is reading ÷ quiet of the median p99s:');
  console.log(
    `engine | p99 quiet | p99 reading | ratio (target ≤ ${ratioTarget}×) | tokens completed / errors, reading | list pages/s (p50 / p99 ms) | events exported/s`,
  );
  console.log('---|---|---|---|---|---|---');
  for (const r of results) {
    const p99s = (runs: OpenLoopResult[]) => runs.map((run) => run.p99);
    const range = (values: number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
    const quiet = median(p99s(r.quiet));
    const reading = median(p99s(r.reading));
    const ratio = reading / quiet;
    const seconds = r.readers.reduce((sum, s) => sum + s.seconds, 0);
    const latencies = r.readers.flatMap((s) => s.pageLatencies);
    const pages = r.readers.reduce((sum, s) => sum + s.pages, 0);
    const exported = r.readers.reduce((sum, s) => sum + s.exportedEvents, 0);
    const completed = r.reading.reduce((sum, run) => sum + run.completed, 0);
    const errors = r.reading.reduce((sum, run) => sum + run.errors, 0);
    console.log(
      `${r.server.name} | ${ms(quiet)} (${range(p99s(r.quiet))}) | ${ms(reading)} (${range(p99s(r.reading))}) | ${ratio.toFixed(2)}× ${ratio <= ratioTarget ? 'within' : 'OVER'} | ${completed} / ${errors} | ${(pages / seconds).toFixed(1)} (${ms(quantile(latencies, 0.5))} / ${ms(quantile(latencies, 0.99))}) | ${Math.round(exported / seconds)}`,
    );
  }
}
