import { describe, expect, it } from 'vitest';
import { parseScript } from '../src/index.js';
import { name, quoted, statementsOf, string } from './support/without-positions.js';

/** The statements of Firebolt's programmatic-access guide, verbatim. */
const seed = `CREATE SERVICE ACCOUNT IF NOT EXISTS "service_account_name" WITH DESCRIPTION = 'service account 1';
CALL fb_GENERATESERVICEACCOUNTKEY('service_account_name');
CREATE USER alex WITH SERVICE_ACCOUNT = service_account_name;
DROP SERVICE ACCOUNT "service_account_name";
`;

describe("Firebolt's seed statements", () => {
  it('parse verbatim, one statement each', () => {
    expect(statementsOf(seed)).toEqual([
      {
        kind: 'create_service_account',
        ifNotExists: true,
        name: quoted('service_account_name'),
        description: string('service account 1'),
      },
      { kind: 'generate_service_account_key', serviceAccount: quoted('service_account_name') },
      {
        kind: 'create_user',
        ifNotExists: false,
        name: name('alex'),
        serviceAccount: name('service_account_name'),
      },
      { kind: 'drop_service_account', ifExists: false, name: quoted('service_account_name') },
    ]);
  });

  it('give each statement its own text, without the semicolon', () => {
    expect(parseScript(seed).map(({ text }) => text)).toEqual([
      `CREATE SERVICE ACCOUNT IF NOT EXISTS "service_account_name" WITH DESCRIPTION = 'service account 1'`,
      `CALL fb_GENERATESERVICEACCOUNTKEY('service_account_name')`,
      'CREATE USER alex WITH SERVICE_ACCOUNT = service_account_name',
      'DROP SERVICE ACCOUNT "service_account_name"',
    ]);
  });

  it('unlink a service account from a user with DEFAULT, told apart from not mentioning it', () => {
    expect(statementsOf('ALTER USER "alex" SET SERVICE_ACCOUNT = DEFAULT;')).toEqual([
      { kind: 'alter_user', name: quoted('alex'), serviceAccount: null },
    ]);
    expect(statementsOf('ALTER USER "alex" SET DEFAULT_ENGINE = e;')[0]).not.toHaveProperty('serviceAccount');
  });

  it('read a network-policy script: create, change, attach, detach, drop', () => {
    const script = `
      -- the office and the VPN, minus one address
      CREATE NETWORK POLICY IF NOT EXISTS office WITH
        ALLOWED_IP_LIST = ('203.0.113.0/24', '198.51.100.7')
        BLOCKED_IP_LIST = ('203.0.113.66')
        DESCRIPTION = 'Office and VPN';
      ALTER NETWORK POLICY office ADD ALLOWED_IP_LIST = ('192.0.2.0/28');
      ALTER SERVICE ACCOUNT "ci-runner" SET NETWORK_POLICY = office;
      ALTER ORGANIZATION SET NETWORK_POLICY = office;
      ALTER ORGANIZATION SET NETWORK_POLICY = DEFAULT;
      DROP NETWORK POLICY IF EXISTS office RESTRICT;
    `;
    expect(statementsOf(script)).toEqual([
      {
        kind: 'create_network_policy',
        ifNotExists: true,
        name: name('office'),
        allowedIpList: [string('203.0.113.0/24'), string('198.51.100.7')],
        blockedIpList: [string('203.0.113.66')],
        description: string('Office and VPN'),
      },
      {
        kind: 'alter_network_policy',
        ifExists: false,
        name: name('office'),
        operation: 'add',
        allowedIpList: [string('192.0.2.0/28')],
      },
      { kind: 'alter_service_account', name: quoted('ci-runner'), networkPolicy: name('office') },
      { kind: 'alter_organization', networkPolicy: name('office') },
      { kind: 'alter_organization', networkPolicy: null },
      { kind: 'drop_network_policy', ifExists: true, name: name('office'), behavior: 'restrict' },
    ]);
  });
});
