import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ProcessRun, runProcess } from './run-process.js';

/** The command's bin, as npm links it. */
const launcher = fileURLToPath(new URL('../../bin/portcullis.js', import.meta.url));

/** A run of the command, with the arguments it was given. */
export interface CommandRun extends ProcessRun {
  args: string[];
}

/**
 * The environment the command sees: the test's own, with no PORTCULLIS_ variable (the operator commands
 * refuse unknown ones, and the runner has PORTCULLIS_TEST_DATABASE_URL) but those given.
 */
function commandEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('PORTCULLIS_') && k !== 'XDG_CONFIG_HOME'),
  );
  return { ...scrubbed, ...env };
}

/** `portcullis ARGS` as a subprocess, to its end. */
export async function portcullisCommand(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<CommandRun> {
  const run = await runProcess(process.execPath, [launcher, ...args], {
    env: commandEnvironment(env),
    ...(stdin === undefined ? {} : { stdin }),
  });
  return { args, ...run };
}

/** A command that runs until stopped (`audit tail`): what it printed so far, and a way to stop it. */
export function startPortcullisCommand(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [launcher, ...args], { env: commandEnvironment(env), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const ended = new Promise<number | null>((resolve) => child.once('close', resolve));
  return {
    output: () => ({ stdout, stderr }),
    stop: async () => {
      child.kill('SIGTERM');
      return ended;
    },
  };
}
