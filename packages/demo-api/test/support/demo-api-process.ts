import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The package's own `start` script, `node --import tsx src/main.ts`: what `npm run demo-api` runs. */
const startScript = JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')).scripts.start as string;

export interface DemoApiProcess {
  url: string;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The demo API as its command starts it, in a process of its own with `env` added; resolves once it
 * prints where it listens (it is given port 0).
 */
export async function startDemoApi(env: Record<string, string>): Promise<DemoApiProcess> {
  const [command, ...args] = startScript.split(' ');
  if (command !== 'node') throw new Error(`unexpected start script: ${startScript}`);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: packageRoot,
    env: { ...process.env, DEMO_API_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const listening = /Demo API listening on (http:\/\/\S+)/.exec(output);
      if (listening) resolve(listening[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then(() => reject(new Error(`the demo API exited before listening:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
