import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { CommandFailure, exitCodes } from './command-failure.js';

/** What `portcullis login` keeps: the server, a token for it, and who it stands for. */
export interface StoredLogin {
  url: string;
  token: string;
  /** Unix seconds. */
  expiresAt: number;
  /** The email or client id that signed in, for messages. */
  signedInAs: string;
}

/**
 * The user's configuration folder: `$XDG_CONFIG_HOME` when set, else the platform's own (`%APPDATA%` on
 * Windows, `~/Library/Application Support` on macOS, `~/.config` elsewhere), with `portcullis` inside.
 */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CONFIG_HOME) return path.join(env.XDG_CONFIG_HOME, 'portcullis');
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'portcullis');
  if (process.platform === 'darwin') {
    return path.join(homedir(), 'Library', 'Application Support', 'portcullis');
  }
  return path.join(homedir(), '.config', 'portcullis');
}

export function storedLoginFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDirectory(env), 'config.json');
}

function isStoredLogin(value: unknown): value is StoredLogin {
  const { url, token, expiresAt, signedInAs } = (value ?? {}) as Record<string, unknown>;
  return (
    typeof url === 'string' &&
    typeof token === 'string' &&
    typeof expiresAt === 'number' &&
    typeof signedInAs === 'string'
  );
}

/** The stored login, or undefined when there is none. A file that cannot be used is a usage error. */
export function readStoredLogin(env: NodeJS.ProcessEnv = process.env): StoredLogin | undefined {
  const file = storedLoginFile(env);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CommandFailure(exitCodes.usage, `cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isStoredLogin(parsed)) {
    throw new CommandFailure(exitCodes.usage, `${file} is not a Portcullis login: run "portcullis logout"`);
  }
  return parsed;
}

/**
 * Written to a file of mode 0600 that replaces the old one whole, so the token is never readable by
 * others, not even for a moment, and never half written.
 */
export function writeStoredLogin(login: StoredLogin, env: NodeJS.ProcessEnv = process.env): string {
  const file = storedLoginFile(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  chmodSync(next, 0o600);
  renameSync(next, file);
  return file;
}

/** Removes the stored login; says whether there was one. */
export function removeStoredLogin(env: NodeJS.ProcessEnv = process.env): boolean {
  const file = storedLoginFile(env);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}
