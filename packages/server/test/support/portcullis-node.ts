import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** A TCP port nothing listens on now, for a process the test starts next. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface PortcullisNode {
  name: string;
  url: string;
  /** What the process printed, across restarts. */
  output(): string;
  /** SIGTERM, as an orchestrator stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Starts the process again on the same port and settings, and waits until it answers. */
  start(): Promise<void>;
}

/**
 * `portcullis start` from the build, as a node of a deployment runs it: settings from the environment only
 * (none inherited from the test's own), listening on 127.0.0.1 at a port of its own.
 */
export async function portcullisNode(name: string, env: Record<string, string>): Promise<PortcullisNode> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" (npm test does it first)`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('PORTCULLIS_') && key !== 'DATABASE_URL'),
  );
  let output = '';
  let child: ChildProcess | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);

  const start = async () => {
    const started = spawn(process.execPath, [cli, 'start'], {
      env: { ...inherited, ...env, PORTCULLIS_HOST: '127.0.0.1', PORTCULLIS_PORT: String(port) },
      stdio: 'pipe',
    });
    child = started;
    exited = new Promise((resolve) => started.once('exit', (code) => resolve(code)));
    started.stdout?.on('data', (d) => {
      output += String(d);
    });
    started.stderr?.on('data', (d) => {
      output += String(d);
    });
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      if (started.exitCode !== null) throw new Error(`${name} exited at start:\n${output}`);
      const healthy = await fetch(`${url}/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${name} did not answer within 45 s:\n${output}`);
  };

  await start();
  return {
    name,
    url,
    output: () => output,
    start,
    stop: async () => {
      if (child && child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
