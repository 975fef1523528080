import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { deriveKeys, resolveMasterKey } from '../../src/config/master-key.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'portcullis-config-'));

describe('configuration', () => {
  it('defaults to SQLite under ./data on 127.0.0.1:8080', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: 'sqlite:data/portcullis.db',
      issuer: 'http://127.0.0.1:8080',
      tokenTtlSeconds: 3600,
      trustedProxies: [],
      logLevel: 'info',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each(['https://id.example/', 'https://id.example/tenant-a/', 'https://id.example/tenant-a'])(
    'keeps the issuer %s exactly as written',
    (issuer) => {
      expect(loadConfig({ PORTCULLIS_ISSUER: issuer }).issuer).toBe(issuer);
    },
  );

  it('stops on an unknown PORTCULLIS_ variable and names it', () => {
    expect(() => loadConfig({ PORTCULLIS_PROT: '9000' })).toThrow(/PORTCULLIS_PROT: unknown setting/);
  });

  it.each([
    ['PORTCULLIS_PORT', 'eighty', /PORTCULLIS_PORT: expected an integer/],
    ['PORTCULLIS_PORT', '70000', /PORTCULLIS_PORT/],
    [
      'PORTCULLIS_TOKEN_TTL_SECONDS',
      '10',
      /PORTCULLIS_TOKEN_TTL_SECONDS: expected an integer from 60 to 86400/,
    ],
    ['PORTCULLIS_LOG_LEVEL', 'loud', /PORTCULLIS_LOG_LEVEL: expected one of/],
    ['PORTCULLIS_LOG_FORMAT', 'yaml', /PORTCULLIS_LOG_FORMAT: expected one of pretty, json/],
    ['PORTCULLIS_ISSUER', 'https://id.example/?x=1', /PORTCULLIS_ISSUER/],
    ['PORTCULLIS_ISSUER', 'https://id.example/docs/', /the path \/docs is where the API reference is served/],
    ['PORTCULLIS_ISSUER', 'https://id.example/docs/tenant', /the path \/docs is where the API reference/],
    ['PORTCULLIS_DATABASE_URL', 'mysql://x', /PORTCULLIS_DATABASE_URL/],
    ['PORTCULLIS_TRUSTED_PROXIES', '10.0.0.0/8,not-an-ip', /"not-an-ip" is not an IP address/],
    ['PORTCULLIS_MASTER_KEY', 'short', /PORTCULLIS_MASTER_KEY: expected 32 bytes/],
    ['PORTCULLIS_SIGNING_ALGORITHM', 'HS256', /PORTCULLIS_SIGNING_ALGORITHM/],
  ])('stops on malformed %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('bounds slow and idle connections by default, and refuses a head timeout beyond the request timeout', () => {
    expect(loadConfig({})).toMatchObject({
      headersTimeoutSeconds: 10,
      requestTimeoutSeconds: 30,
      keepAliveTimeoutSeconds: 72,
      idleTimeoutSeconds: 60,
      maxConnections: 4096,
      maxConnectionsPerAddress: 256,
    });
    expect(() =>
      loadConfig({ PORTCULLIS_HEADERS_TIMEOUT_SECONDS: '20', PORTCULLIS_REQUEST_TIMEOUT_SECONDS: '10' }),
    ).toThrow(/headersTimeoutSeconds .* must not exceed requestTimeoutSeconds/);
    expect(() => loadConfig({ PORTCULLIS_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(
      /PORTCULLIS_REQUEST_TIMEOUT_SECONDS: expected an integer from 1 to 600/,
    );
  });

  it('keeps issuance audit events 30 days and every other event 400 by default, and refuses issuance kept longer', () => {
    expect(loadConfig({})).toMatchObject({ auditIssuanceRetentionDays: 30, auditRetentionDays: 400 });
    expect(() =>
      loadConfig({
        PORTCULLIS_AUDIT_ISSUANCE_RETENTION_DAYS: '90',
        PORTCULLIS_AUDIT_RETENTION_DAYS: '60',
      }),
    ).toThrow(/auditIssuanceRetentionDays .* must not exceed auditRetentionDays/);
  });

  it('serves no metrics and samples token-request logs by default; refuses a short metrics token or a rate of 0', () => {
    expect(loadConfig({})).toMatchObject({
      metricsPort: undefined,
      metricsToken: undefined,
      tokenRequestLog: 'sampled',
      tokenRequestLogSampleRate: 0.01,
    });
    expect(() => loadConfig({ PORTCULLIS_METRICS_TOKEN: 'f'.repeat(31) })).toThrow(
      /PORTCULLIS_METRICS_TOKEN: expected at least 32 printable characters/,
    );
    expect(() => loadConfig({ PORTCULLIS_METRICS_TOKEN: `${'f'.repeat(32)} x` })).toThrow(ConfigError);
    expect(loadConfig({ PORTCULLIS_METRICS_TOKEN: 'f'.repeat(32) }).metricsToken).toBe('f'.repeat(32));
    expect(() => loadConfig({ PORTCULLIS_TOKEN_REQUEST_LOG_SAMPLE_RATE: '0' })).toThrow(
      /expected a number above 0 and at most 1/,
    );
    expect(() => loadConfig({ PORTCULLIS_TOKEN_REQUEST_LOG: 'some' })).toThrow(
      /expected one of off, sampled, all/,
    );
  });

  it('reads a JSON file, lets the environment override it, and rejects unknown keys in it', () => {
    const dir = scratch();
    const file = path.join(dir, 'portcullis.json');
    writeFileSync(file, JSON.stringify({ port: 9001, trustedProxies: ['10.0.0.1'], logLevel: 'warn' }));
    expect(loadConfig({ PORTCULLIS_CONFIG_FILE: file, PORTCULLIS_LOG_LEVEL: 'debug' })).toMatchObject({
      port: 9001,
      trustedProxies: ['10.0.0.1'],
      logLevel: 'debug',
    });
    writeFileSync(file, JSON.stringify({ prot: 9001 }));
    expect(() => loadConfig({ PORTCULLIS_CONFIG_FILE: file })).toThrow(/unknown setting "prot"/);
  });

  it('accepts DATABASE_URL and lets PORTCULLIS_DATABASE_URL win', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://a@h/db' }).databaseUrl).toBe('postgres://a@h/db');
    expect(
      loadConfig({ DATABASE_URL: 'postgres://a@h/db', PORTCULLIS_DATABASE_URL: 'sqlite:/tmp/x.db' })
        .databaseUrl,
    ).toBe('sqlite:/tmp/x.db');
  });
});

describe('master key', () => {
  it('is generated once into the data directory with mode 0600, then reused', () => {
    const dir = scratch();
    const first = resolveMasterKey(undefined, dir);
    expect(first.generatedAt).toBe(path.join(dir, 'master.key'));
    expect(statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    const second = resolveMasterKey(undefined, dir);
    expect(second.generatedAt).toBeUndefined();
    expect(second.key.equals(first.key)).toBe(true);
    expect(readFileSync(path.join(dir, 'master.key'), 'utf8').trim()).toBe(first.key.toString('base64url'));
  });

  it('comes from PORTCULLIS_MASTER_KEY when set, and no file is written', () => {
    const dir = scratch();
    const hex = randomBytes(32).toString('hex');
    const source = resolveMasterKey(hex, dir);
    expect(source.key.toString('hex')).toBe(hex);
    expect(() => statSync(path.join(dir, 'master.key'))).toThrow();
  });

  it('derives a different key for each purpose', () => {
    const keys = deriveKeys(randomBytes(32));
    const distinct = new Set(Object.values(keys).map((key) => key.toString('hex')));
    expect(distinct.size).toBe(Object.keys(keys).length);
    expect(Object.keys(keys).length).toBeGreaterThanOrEqual(3);
  });
});
