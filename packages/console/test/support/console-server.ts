import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const adminEmail = 'admin@acme.example';
export const adminPassword = 'correct horse battery staple';

const serverCli = fileURLToPath(new URL('../../../server/dist/cli/main.js', import.meta.url));

export interface ConsoleServer {
  baseUrl: string;
  /** Everything the server wrote, to show when a test fails. */
  output: string[];
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Portcullis as a person starts it (`portcullis start`, the built server and console) on a fresh SQLite
 * database under a temporary folder, with the bootstrap administrator the tests sign in as.
 */
export async function startConsoleServer(env: Record<string, string> = {}): Promise<ConsoleServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portcullis-console-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PORTCULLIS_')),
  );
  const child: ChildProcess = spawn(process.execPath, [serverCli, 'start'], {
    env: {
      ...inherited,
      PORTCULLIS_HOST: '127.0.0.1',
      PORTCULLIS_PORT: String(port),
      PORTCULLIS_DATA_DIR: dataDir,
      PORTCULLIS_ISSUER: baseUrl,
      PORTCULLIS_ADMIN_EMAIL: adminEmail,
      PORTCULLIS_ADMIN_PASSWORD: adminPassword,
      PORTCULLIS_LOG_FORMAT: 'json',
      PORTCULLIS_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portcullis start exited:\n${output.join('')}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`portcullis start did not answer in 30 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, output, close };
}
