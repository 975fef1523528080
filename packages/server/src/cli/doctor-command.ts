import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config/load-config.js';
import type { Database } from '../store/database.js';
import { withOperatorOptions } from './operator-options.js';
import { printRecords } from './record-output.js';

type Verdict = 'ok' | 'warn' | 'fail' | 'skipped';

interface Finding {
  check: string;
  verdict: Verdict;
  detail: string;
}

/** The longest a check waits for the database: an unreachable host must not hang the doctor. */
const databaseTimeoutMs = 5000;
/** Clocks further apart than this disagree about whether a token has expired. */
const clockToleranceMs = { warn: 1000, fail: 5000 };

const finding = (check: string, verdict: Verdict, detail: string): Finding => ({ check, verdict, detail });

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function checkMigrations(database: Database): Promise<Finding> {
  const { migrationStatus } = await import('../store/migrate.js');
  const status = await migrationStatus(database);
  if (status.unknown.length > 0) {
    return finding(
      'migrations',
      'fail',
      `migrated by a newer Portcullis (${status.unknown.join(', ')}): run that version`,
    );
  }
  if (status.pending.length > 0) {
    return finding(
      'migrations',
      'warn',
      `${status.pending.length} pending (${status.pending.join(', ')}): "portcullis migrate" or start applies them`,
    );
  }
  return finding('migrations', 'ok', `up to date (${status.applied.at(-1)})`);
}

async function checkMasterKey(config: Config, database: Database): Promise<Finding> {
  const { deriveKeys, readMasterKey } = await import('../config/master-key.js');
  const { openStoredKeys } = await import('../runtime/signing/stored-keys-check.js');
  const source = config.masterKey ? 'PORTCULLIS_MASTER_KEY' : path.join(config.dataDir, 'master.key');
  const masterKey = readMasterKey(config.masterKey, config.dataDir);
  const keys = await openStoredKeys(database.db, deriveKeys(masterKey ?? Buffer.alloc(32)).signingKeyWrapKey);
  const stored = keys.opened + keys.refused.length;
  if (!masterKey) {
    return stored === 0
      ? finding(
          'master key',
          'warn',
          `none yet: start generates ${source}; production sets PORTCULLIS_MASTER_KEY`,
        )
      : finding(
          'master key',
          'fail',
          `none (${source} is missing), and ${stored} signing keys are sealed with one`,
        );
  }
  if (keys.refused.length > 0) {
    return finding(
      'master key',
      'fail',
      `the key from ${source} does not open ${keys.refused.length} of ${stored} signing keys (${keys.refused.join(', ')}): it is not the key they were sealed with`,
    );
  }
  return finding('master key', 'ok', `from ${source}; opens all ${stored} stored signing keys`);
}

async function checkClock(database: Database): Promise<Finding> {
  const { databaseNow } = await import('../store/database-clock.js');
  const { listSigningKeys } = await import('../store/repositories/signing-keys.js');
  const asked = Date.now();
  const theirs = await databaseNow(database);
  const answered = Date.now();
  const now = Date.now();
  const latestStored = Math.max(
    0,
    ...(await listSigningKeys(database.db)).flatMap((key) => [
      key.createdAt,
      key.activatedAt ?? 0,
      key.retiredAt ?? 0,
    ]),
  );
  if (latestStored > now + clockToleranceMs.fail) {
    return finding(
      'clock',
      'fail',
      `${new Date(now).toISOString()} is ${Math.round((latestStored - now) / 1000)} s behind a time already stored (${new Date(latestStored).toISOString()}): set the clock right (NTP)`,
    );
  }
  if (theirs === undefined)
    return finding('clock', 'ok', `${new Date(now).toISOString()}; no stored time lies ahead of it`);
  const skew = theirs - (asked + answered) / 2;
  const apart = `${Math.abs(Math.round(skew))} ms ${skew > 0 ? 'behind' : 'ahead of'} the database server's`;
  if (Math.abs(skew) > clockToleranceMs.fail)
    return finding('clock', 'fail', `${apart}: synchronise both (NTP)`);
  if (Math.abs(skew) > clockToleranceMs.warn)
    return finding('clock', 'warn', `${apart}: synchronise both (NTP)`);
  return finding('clock', 'ok', apart);
}

/** Whether Portcullis could listen where it is configured to; one already serving there is named. */
async function checkListening(config: Config): Promise<Finding> {
  const address = `${config.host}:${config.port}`;
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const server = createServer();
    server.once('error', resolve);
    server.listen(config.port, config.host, () => server.close(() => resolve(undefined)));
  });
  if (!error) return finding('listen address', 'ok', `${address} is free`);
  if (error.code === 'EADDRINUSE') {
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const health = await within(
      2000,
      fetch(`http://${host.includes(':') ? `[${host}]` : host}:${config.port}/health`),
    ).catch(() => undefined);
    const body = health?.ok ? ((await health.json().catch(() => ({}))) as { status?: unknown }) : {};
    return body.status === 'ok'
      ? finding(
          'listen address',
          'warn',
          `${address} is in use by a running server answering /health (this one?)`,
        )
      : finding('listen address', 'fail', `${address} is in use by another program`);
  }
  return finding('listen address', 'fail', `${address} cannot be bound: ${error.code ?? error.message}`);
}

async function examine(): Promise<Finding[]> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [
      finding('configuration', 'fail', error.message),
      ...['database', 'migrations', 'master key', 'clock', 'listen address'].map((check) =>
        finding(check, 'skipped', 'needs a valid configuration'),
      ),
    ];
  }
  const findings = [finding('configuration', 'ok', `database ${describeDatabase(config.databaseUrl)}`)];
  const afterDatabase = (detail: string) =>
    ['migrations', 'master key', 'clock'].map((check) => finding(check, 'skipped', detail));
  const { sqliteFileOf } = await import('../store/sqlite-files.js');
  const { openDatabase } = await import('../store/database.js');
  const file = sqliteFileOf(config.databaseUrl);
  if (file && !existsSync(file)) {
    findings.push(
      finding('database', 'warn', `${path.resolve(file)} does not exist yet: start creates it`),
      ...afterDatabase('no database yet'),
    );
  } else {
    const database = openDatabase(config.databaseUrl);
    try {
      await within(databaseTimeoutMs, database.ping());
      findings.push(finding('database', 'ok', `${database.engine} answers`));
      for (const check of [checkMigrations, (d: Database) => checkMasterKey(config, d), checkClock]) {
        findings.push(await within(databaseTimeoutMs, check(database)));
      }
    } catch (error) {
      findings.push(
        finding('database', 'fail', `cannot be reached: ${reason(error)}`),
        ...afterDatabase('no database'),
      );
    } finally {
      // An unreachable server may leave the pool waiting; the command ends regardless.
      void database.close().catch(() => undefined);
    }
  }
  findings.push(await checkListening(config));
  return findings;
}

/** The database URL without its password. */
function describeDatabase(url: string): string {
  if (url.startsWith('sqlite:')) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

/** `portcullis doctor`: what would stop this machine's Portcullis from starting or serving, one line a check. */
export function addDoctorCommand(program: Command): void {
  withOperatorOptions(
    program
      .command('doctor')
      .description(
        'Check the configuration, database, migrations, master key, clock and listen address; exit 1 if one fails',
      )
      .option('--json', 'print JSON instead of a table, for scripts'),
    ['portcullis doctor', 'portcullis doctor --json | jq -r \'.[] | select(.verdict == "fail") | .detail\''],
  ).action(async (options: { json?: boolean }) => {
    const findings = await examine();
    printRecords(
      findings,
      [
        { heading: 'check', value: (f) => f.check },
        { heading: 'verdict', value: (f) => f.verdict },
        { heading: 'detail', value: (f) => f.detail },
      ],
      options,
    );
    const failed = findings.filter((f) => f.verdict === 'fail').length;
    if (!options.json) {
      process.stdout.write(failed ? `${failed} check(s) failed.\n` : 'Nothing stops Portcullis here.\n');
    }
    process.exit(failed ? 1 : 0);
  });
}
