import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SettingSpec, type Settings, SettingValueError, settingSpecs } from './settings.js';

/** Raised for any unknown or malformed setting; the message names it, and start-up stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface Config extends Omit<Settings, 'databaseUrl' | 'issuer'> {
  databaseUrl: string;
  issuer: string;
}

const configFileEnv = 'PORTCULLIS_CONFIG_FILE';
/** Environment variables outside the PORTCULLIS_ namespace that we also honour. */
const aliases: Record<string, keyof Settings> = { DATABASE_URL: 'databaseUrl' };

function readConfigFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${configFileEnv}: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`${configFileEnv}: ${file} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function parseSetting(s: SettingSpec, raw: unknown, source: string): unknown {
  try {
    return s.parse(raw);
  } catch (error) {
    if (error instanceof SettingValueError) throw new ConfigError(`${source}: ${error.message}`);
    throw error;
  }
}

/**
 * Builds the one configuration object from defaults, then an optional JSON file, then the environment.
 * Unknown PORTCULLIS_* variables and unknown file keys are errors rather than silently ignored typos.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = new Set<string>([configFileEnv, ...settingSpecs.map((s) => s.env)]);
  for (const name of Object.keys(env)) {
    if (name.startsWith('PORTCULLIS_') && !known.has(name)) {
      throw new ConfigError(`${name}: unknown setting (known: ${[...known].sort().join(', ')})`);
    }
  }

  const values: Record<string, unknown> = {};
  for (const s of settingSpecs) values[s.key] = s.fallback;

  const file = env[configFileEnv];
  if (file) {
    const fromFile = readConfigFile(file);
    for (const [key, raw] of Object.entries(fromFile)) {
      const s = settingSpecs.find((candidate) => candidate.key === key);
      if (!s) throw new ConfigError(`${file}: unknown setting "${key}"`);
      values[key] = parseSetting(s, raw, `${file}: ${key}`);
    }
  }

  for (const [name, key] of Object.entries(aliases)) {
    const raw = env[name];
    const s = settingSpecs.find((candidate) => candidate.key === key);
    if (raw !== undefined && raw !== '' && s) values[key] = parseSetting(s, raw, name);
  }
  for (const s of settingSpecs) {
    const raw = env[s.env];
    if (raw !== undefined && raw !== '') values[s.key] = parseSetting(s, raw, s.env);
  }

  const settings = values as unknown as Settings;
  if (settings.headersTimeoutSeconds > settings.requestTimeoutSeconds) {
    // The whole request includes its head: a longer head timeout could never fire.
    throw new ConfigError(
      'headersTimeoutSeconds (PORTCULLIS_HEADERS_TIMEOUT_SECONDS) must not exceed requestTimeoutSeconds (PORTCULLIS_REQUEST_TIMEOUT_SECONDS)',
    );
  }
  if (settings.auditIssuanceRetentionDays > settings.auditRetentionDays) {
    // Everything older than the longer retention goes in one range, issuance events included.
    throw new ConfigError(
      'auditIssuanceRetentionDays (PORTCULLIS_AUDIT_ISSUANCE_RETENTION_DAYS) must not exceed auditRetentionDays (PORTCULLIS_AUDIT_RETENTION_DAYS)',
    );
  }
  const publicHost = ['0.0.0.0', '::'].includes(settings.host) ? '127.0.0.1' : settings.host;
  return Object.freeze({
    ...settings,
    trustedProxies: Object.freeze([...settings.trustedProxies]) as string[],
    databaseUrl: settings.databaseUrl ?? `sqlite:${path.join(settings.dataDir, 'portcullis.db')}`,
    issuer:
      settings.issuer ??
      `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${settings.port}`,
  });
}
