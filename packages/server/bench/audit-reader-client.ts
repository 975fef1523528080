import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ReaderStats {
  pages: number;
  pageLatencies: number[];
  exportedEvents: number;
  seconds: number;
}

export interface ReaderOptions {
  base: string;
  email: string;
  password: string;
  adminLoginId: string;
  serviceAccountId: string;
  /** `list`, `export` or both. */
  reading: string[];
}

/**
 * The Read-only person: one loop lists pages back to back — the whole log and the filters a person uses,
 * ten pages of each, following the cursor — and another exports the whole log again and again.
 */
export function readAuditLog(options: ReaderOptions): { stop(): Promise<ReaderStats> } {
  const abort = new AbortController();
  const stats: ReaderStats = { pages: 0, pageLatencies: [], exportedEvents: 0, seconds: 0 };
  const started = performance.now();
  const day = 86_400_000;
  const queries = [
    '',
    'action=token.refused',
    'result=failure',
    `actor=${options.adminLoginId}`,
    `target=${options.serviceAccountId}&action=service_account.*`,
    'action=token.*&result=failure',
    `from=${new Date(Date.now() - 7 * day).toISOString()}&to=${new Date(Date.now() - 6 * day).toISOString()}`,
  ];
  const session = fetch(`${options.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: options.email, password: options.password }),
  }).then(async (response) => ((await response.json()) as { accessToken: string }).accessToken);
  const listing = (async () => {
    if (!options.reading.includes('list')) return;
    const headers = { authorization: `Bearer ${await session}` };
    for (let q = 0; !abort.signal.aborted; q = (q + 1) % queries.length) {
      let cursor: string | null = null;
      for (let page = 0; page < 10 && !abort.signal.aborted; page++) {
        const t = performance.now();
        const response = await fetch(
          `${options.base}/api/v1/audit-events?${queries[q]}${cursor ? `&cursor=${cursor}` : ''}`,
          { headers, signal: abort.signal },
        );
        cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
        stats.pageLatencies.push(performance.now() - t);
        stats.pages++;
        if (cursor === null) break;
      }
    }
  })().catch(() => undefined);
  const exporting = (async () => {
    if (!options.reading.includes('export')) return;
    const headers = { authorization: `Bearer ${await session}` };
    while (!abort.signal.aborted) {
      const response = await fetch(`${options.base}/api/v1/audit-events/export`, {
        headers,
        signal: abort.signal,
      });
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) stats.exportedEvents++;
      }
    }
  })().catch(() => undefined);
  return {
    stop: async () => {
      abort.abort();
      await Promise.all([listing, exporting]);
      stats.seconds = (performance.now() - started) / 1000;
      return stats;
    },
  };
}

/**
 * The same person from a process of their own at the lowest priority: a real one reads from another
 * machine, so their client's own work (parsing pages, counting exported lines) must not take the cores
 * from the server under test the way a client at normal priority beside it would.
 */
export function readAuditLogInChild(options: ReaderOptions): { stop(): Promise<ReaderStats> } {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, AUDIT_READER_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.pid !== undefined) setPriority(child.pid, 19);
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      return JSON.parse(output) as ReaderStats;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reader = readAuditLog(JSON.parse(process.env.AUDIT_READER_OPTIONS ?? '{}') as ReaderOptions);
  process.once('SIGTERM', async () => {
    process.stdout.write(JSON.stringify(await reader.stop()));
    process.exit(0);
  });
}
