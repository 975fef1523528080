import { isPortcullisError, type PortcullisError } from '@portcullis/core/errors';
import { parseScript, type Select, type Show } from '@portcullis/sql';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../core/test/support/property-runs.js';
import { formatTimestamptz, parseTimestamp } from '../../src/sql/information-schema/firebolt-values.js';
import type {
  ApplicableRoleRow,
  InformationSchemaRow,
  LoginRow,
  NetworkPolicyRow,
  RoleRow,
  ServiceAccountRow,
  UserRow,
} from '../../src/sql/information-schema/information-schema-tables.js';
import { matchesLike, parseLikePattern } from '../../src/sql/information-schema/like-pattern.js';
import { type ResultSet, selectRows, showRows } from '../../src/sql/information-schema/select-rows.js';

const at = (iso: string) => Date.parse(iso);

function user(user_name: string, fields: Partial<UserRow> = {}): UserRow {
  return {
    user_name,
    login_name: null,
    service_account_name: null,
    default_database: null,
    default_engine: null,
    created: at('2024-01-01T00:00:00Z'),
    user_owner: null,
    last_altered: at('2024-01-01T00:00:00Z'),
    last_altered_by: null,
    ...fields,
  };
}

const users: UserRow[] = [
  user('alice', {
    login_name: 'alice@acme.com',
    default_database: 'db1',
    created: at('2024-01-02T03:04:05.123Z'),
  }),
  user('bob', { service_account_name: 'etl', created: at('2024-02-01T00:00:00Z') }),
  user('Carol', {
    login_name: 'carol@acme.com',
    default_database: 'db2',
    created: at('2023-12-31T23:59:59Z'),
  }),
  user('dave', {
    login_name: 'dave@other.org',
    default_database: 'db1',
    created: at('2024-01-02T00:00:00Z'),
  }),
  user('', { login_name: '', created: at('2024-03-01T12:00:00Z') }),
];

function serviceAccount(name: string, fields: Partial<ServiceAccountRow> = {}): ServiceAccountRow {
  return {
    service_account_id: `id-${name}`,
    service_account_name: name,
    network_policy_name: null,
    service_account_description: '',
    is_organization_admin: false,
    connection_preference: 'prefer_public',
    is_enabled: true,
    created: at('2024-01-01T00:00:00Z'),
    service_account_owner: null,
    last_altered: at('2024-01-01T00:00:00Z'),
    last_altered_by: null,
    ...fields,
  };
}

const serviceAccounts: ServiceAccountRow[] = [
  serviceAccount('loader', { is_organization_admin: true, network_policy_name: 'office' }),
  serviceAccount('etl', { is_enabled: false, service_account_description: 'nightly' }),
  serviceAccount('audit'),
];

const logins: LoginRow[] = [
  {
    login_name: 'zoe@acme.com',
    first_name: 'Zoe',
    last_name: 'Z',
    network_policy_name: null,
    is_organization_admin: true,
    is_enabled: true,
    created: at('2024-01-01T00:00:00Z'),
    login_owner: null,
    last_altered: at('2024-01-01T00:00:00Z'),
    last_altered_by: null,
  },
  {
    login_name: 'al@acme.com',
    first_name: 'Al',
    last_name: 'A',
    network_policy_name: 'office',
    is_organization_admin: false,
    is_enabled: false,
    created: at('2024-01-01T00:00:00Z'),
    login_owner: 'root@acme.com',
    last_altered: at('2024-05-06T07:08:09Z'),
    last_altered_by: 'root@acme.com',
  },
];

const networkPolicies: NetworkPolicyRow[] = [
  {
    network_policy_name: 'office',
    allowed_ips: ['10.0.0.0/8', '192.168.1.1'],
    blocked_ips: [],
    network_policy_description: 'the office',
    created: at('2024-01-01T00:00:00Z'),
    network_policy_owner: null,
    last_altered: at('2024-01-01T00:00:00Z'),
    last_altered_by: null,
  },
  {
    network_policy_name: 'everywhere',
    allowed_ips: ['0.0.0.0/0'],
    blocked_ips: ['203.0.113.7'],
    network_policy_description: '',
    created: at('2024-01-01T00:00:00Z'),
    network_policy_owner: null,
    last_altered: at('2024-01-01T00:00:00Z'),
    last_altered_by: null,
  },
];

const roles: RoleRow[] = [
  {
    role_name: 'reader',
    role_description: 'reads',
    permissions: ['incidents:read'],
    is_builtin: false,
    created: at('2024-01-01T00:00:00Z'),
  },
  {
    role_name: 'Admin',
    role_description: 'everything',
    permissions: ['*:*'],
    is_builtin: true,
    created: at('2023-01-01T00:00:00Z'),
  },
];

const applicableRoles: ApplicableRoleRow[] = [
  { grantee: 'alice', role_name: 'reader', is_grantable: false, created: at('2024-01-01T00:00:00Z') },
  { grantee: 'bob', role_name: 'Admin', is_grantable: true, created: at('2024-01-01T00:00:00Z') },
];

function run(sql: string, rows: readonly InformationSchemaRow[] = users): ResultSet {
  const [parsed] = parseScript(sql);
  return selectRows(parsed!.statement as Select, rows);
}

/** The first selected column of each row. */
function firsts(sql: string, rows: readonly InformationSchemaRow[] = users): unknown[] {
  return run(sql, rows).rows.map((row) => row[0]);
}

/** The users a condition keeps, in table order. */
function usersWhere(condition: string): unknown[] {
  return firsts(`SELECT user_name FROM information_schema.users WHERE ${condition}`);
}

function show(sql: string, rows: readonly InformationSchemaRow[]): ResultSet {
  const [parsed] = parseScript(sql);
  return showRows(parsed!.statement as Show, rows);
}

function errorOf(action: () => unknown): PortcullisError {
  try {
    action();
  } catch (error) {
    if (isPortcullisError(error)) return error;
    throw error;
  }
  throw new Error('expected a PortcullisError');
}

describe('the select list', () => {
  it('gives every column in the table order for *, with Firebolt types', () => {
    const result = run('SELECT * FROM information_schema.users', [users[0]!]);
    expect(result.columns).toEqual([
      { name: 'user_name', type: 'text' },
      { name: 'login_name', type: 'text null' },
      { name: 'service_account_name', type: 'text null' },
      { name: 'default_database', type: 'text null' },
      { name: 'default_engine', type: 'text null' },
      { name: 'created', type: 'timestamptz' },
      { name: 'user_owner', type: 'text null' },
      { name: 'last_altered', type: 'timestamptz' },
      { name: 'last_altered_by', type: 'text null' },
    ]);
    expect(result.rows).toEqual([
      [
        'alice',
        'alice@acme.com',
        null,
        'db1',
        null,
        '2024-01-02 03:04:05.123000+00',
        null,
        '2024-01-01 00:00:00.000000+00',
        null,
      ],
    ]);
  });

  it('gives named columns in the order written, a repeated one twice, whatever their case', () => {
    const result = run('SELECT Created, user_name, "LOGIN_NAME", user_name FROM information_schema.users', [
      users[1]!,
    ]);
    expect(result.columns.map((c) => c.name)).toEqual(['created', 'user_name', 'login_name', 'user_name']);
    expect(result.rows).toEqual([['2024-02-01 00:00:00.000000+00', 'bob', null, 'bob']]);
  });

  it('sends booleans as booleans and arrays as arrays of text', () => {
    expect(
      run(
        'SELECT is_enabled, is_organization_admin FROM information_schema.service_accounts',
        serviceAccounts,
      ).rows,
    ).toEqual([
      [true, true],
      [false, false],
      [true, false],
    ]);
    const policies = run(
      'SELECT allowed_ips, blocked_ips FROM information_schema.network_policies',
      networkPolicies,
    );
    expect(policies.columns.map((c) => c.type)).toEqual(['array(text)', 'array(text)']);
    expect(policies.rows).toEqual([
      [['10.0.0.0/8', '192.168.1.1'], []],
      [['0.0.0.0/0'], ['203.0.113.7']],
    ]);
  });

  it('matches the table name case-insensitively and reads the roles as enabled_roles too', () => {
    expect(firsts('SELECT user_name FROM INFORMATION_SCHEMA.Users LIMIT 1')).toEqual(['alice']);
    expect(firsts('SELECT user_name FROM "Information_Schema"."USERS" LIMIT 1')).toEqual(['alice']);
    expect(firsts('SELECT role_name FROM information_schema.enabled_roles', roles)).toEqual([
      'reader',
      'Admin',
    ]);
    expect(firsts('SELECT role_name FROM information_schema.roles', roles)).toEqual(['reader', 'Admin']);
    expect(
      run('SELECT * FROM information_schema.applicable_roles WHERE is_grantable = TRUE', applicableRoles)
        .rows,
    ).toEqual([['bob', 'Admin', true, '2024-01-01 00:00:00.000000+00']]);
  });
});

describe('WHERE comparisons', () => {
  it('compares text case-sensitively with = and <> (also written !=)', () => {
    expect(usersWhere("user_name = 'carol'")).toEqual([]);
    expect(usersWhere("user_name = 'Carol'")).toEqual(['Carol']);
    expect(usersWhere("'Carol' = user_name")).toEqual(['Carol']);
    expect(usersWhere("user_name <> 'Carol'")).toEqual(['alice', 'bob', 'dave', '']);
    expect(usersWhere("user_name != 'Carol'")).toEqual(['alice', 'bob', 'dave', '']);
    expect(usersWhere("user_name = ''")).toEqual(['']);
  });

  it('compares booleans by value', () => {
    const names = (condition: string) =>
      firsts(
        `SELECT service_account_name FROM information_schema.service_accounts WHERE ${condition}`,
        serviceAccounts,
      );
    expect(names('is_enabled = TRUE')).toEqual(['loader', 'audit']);
    expect(names('is_enabled = false')).toEqual(['etl']);
    expect(names('is_enabled <> is_organization_admin')).toEqual(['audit']);
    expect(names('TRUE = is_organization_admin')).toEqual(['loader']);
  });

  it('compares two columns of one type row by row', () => {
    expect(usersWhere('user_name = login_name')).toEqual(['']);
    expect(usersWhere('created = last_altered')).toEqual([]);
  });

  it('compares literals with literals by value', () => {
    expect(usersWhere('1 = 1 AND user_name = user_name')).toEqual(['alice', 'bob', 'Carol', 'dave', '']);
    expect(usersWhere('1 = 2')).toEqual([]);
    expect(usersWhere("'a' = 'a'")).toHaveLength(5);
    expect(usersWhere('TRUE = FALSE')).toEqual([]);
  });

  it('reads a string compared with a timestamp as a UTC date and time', () => {
    expect(usersWhere("created = '2024-02-01'")).toEqual(['bob']);
    expect(usersWhere("created = '2024-02-01 00:00:00'")).toEqual(['bob']);
    expect(usersWhere("created = '2024-02-01T00:00'")).toEqual(['bob']);
    expect(usersWhere("created = '2024-02-01T01:00:00+01:00'")).toEqual(['bob']);
    expect(usersWhere("created = '2024-01-31 19:00:00-05'")).toEqual(['bob']);
    expect(usersWhere("created = '2024-02-01T00:00:00Z'")).toEqual(['bob']);
    expect(usersWhere("created = '2024-01-02 03:04:05.123'")).toEqual(['alice']);
    expect(usersWhere("created = '2024-01-02 03:04:05.123000+00'")).toEqual(['alice']);
    expect(usersWhere("created = '2024-01-02 03:04:05.1231'")).toEqual([]);
    expect(usersWhere("created IN ('2023-12-31 23:59:59', '2024-03-01 12:00')")).toEqual(['Carol', '']);
    expect(usersWhere("created <> '2024-02-01'")).toEqual(['alice', 'Carol', 'dave', '']);
  });

  it('keeps the rows IN finds and drops those NOT IN finds', () => {
    expect(usersWhere("user_name IN ('bob', 'dave', 'nobody')")).toEqual(['bob', 'dave']);
    expect(usersWhere("user_name NOT IN ('bob', 'dave')")).toEqual(['alice', 'Carol', '']);
    expect(usersWhere("default_database IN ('db1')")).toEqual(['alice', 'dave']);
    expect(usersWhere('user_name IN (login_name, service_account_name)')).toEqual(['']);
  });

  it('tests for NULL with IS [NOT] NULL, arrays and literals included', () => {
    expect(usersWhere('login_name IS NULL')).toEqual(['bob']);
    expect(usersWhere('login_name IS NOT NULL')).toEqual(['alice', 'Carol', 'dave', '']);
    expect(usersWhere('NULL IS NULL')).toHaveLength(5);
    expect(usersWhere("'' IS NULL")).toEqual([]);
    expect(
      firsts(
        'SELECT network_policy_name FROM information_schema.network_policies WHERE blocked_ips IS NOT NULL',
        networkPolicies,
      ),
    ).toEqual(['office', 'everywhere']);
    expect(firsts('SELECT role_name FROM information_schema.roles WHERE permissions IS NULL', roles)).toEqual(
      [],
    );
  });
});

describe('NULL in WHERE (three-valued logic)', () => {
  it('makes a comparison with NULL unknown, which no row passes, negated or not', () => {
    expect(usersWhere('login_name = NULL')).toEqual([]);
    expect(usersWhere('login_name <> NULL')).toEqual([]);
    expect(usersWhere('NOT (login_name = NULL)')).toEqual([]);
    expect(usersWhere('NULL = NULL')).toEqual([]);
    expect(usersWhere("default_engine = 'x' OR NOT default_engine = 'x'")).toEqual([]);
  });

  it('leaves a NULL column out of both = and <>, and out of NOT of either', () => {
    expect(usersWhere("default_database = 'db1'")).toEqual(['alice', 'dave']);
    expect(usersWhere("default_database <> 'db1'")).toEqual(['Carol']);
    expect(usersWhere("NOT default_database = 'db1'")).toEqual(['Carol']);
    expect(usersWhere("NOT (default_database <> 'db1')")).toEqual(['alice', 'dave']);
    expect(usersWhere("default_database <> 'db1' OR default_database IS NULL")).toEqual(['bob', 'Carol', '']);
  });

  it('lets TRUE win an OR and FALSE win an AND over unknown', () => {
    expect(usersWhere("login_name = NULL OR user_name = 'bob'")).toEqual(['bob']);
    expect(usersWhere("NOT (login_name = NULL AND user_name = 'bob')")).toEqual([
      'alice',
      'Carol',
      'dave',
      '',
    ]);
    expect(usersWhere("NOT (login_name = NULL OR user_name = 'bob')")).toEqual([]);
  });

  it('makes IN unknown when the value is NULL or no item matches and one is NULL', () => {
    expect(usersWhere("user_name IN ('bob', NULL)")).toEqual(['bob']);
    expect(usersWhere("user_name NOT IN ('bob', NULL)")).toEqual([]);
    expect(usersWhere("default_database IN ('db1', 'db2')")).toEqual(['alice', 'Carol', 'dave']);
    expect(usersWhere("default_database NOT IN ('db1', 'db2')")).toEqual([]);
  });

  it('makes LIKE with a NULL value or pattern unknown', () => {
    expect(usersWhere("default_database LIKE '%'")).toEqual(['alice', 'Carol', 'dave']);
    expect(usersWhere("default_database NOT LIKE '%'")).toEqual([]);
    expect(usersWhere('user_name LIKE NULL')).toEqual([]);
    expect(usersWhere('user_name NOT LIKE NULL')).toEqual([]);
  });
});

describe('AND, OR, NOT and parentheses', () => {
  it('binds AND tighter than OR, unless parentheses say otherwise', () => {
    expect(usersWhere("user_name = 'alice' OR user_name = 'bob' AND login_name IS NOT NULL")).toEqual([
      'alice',
    ]);
    expect(usersWhere("(user_name = 'alice' OR user_name = 'bob') AND login_name IS NULL")).toEqual(['bob']);
  });

  it('binds NOT to the predicate after it, or to a parenthesised group', () => {
    expect(usersWhere("NOT user_name = 'alice' AND login_name IS NOT NULL")).toEqual(['Carol', 'dave', '']);
    expect(usersWhere("NOT (user_name = 'alice' OR login_name IS NOT NULL)")).toEqual(['bob']);
    expect(usersWhere("NOT NOT user_name = 'alice'")).toEqual(['alice']);
  });

  it('takes chains of AND and OR as one', () => {
    expect(usersWhere("user_name = 'alice' OR user_name = 'bob' OR user_name = 'dave'")).toEqual([
      'alice',
      'bob',
      'dave',
    ]);
    expect(
      usersWhere("login_name IS NOT NULL AND default_database IS NOT NULL AND user_name <> 'alice'"),
    ).toEqual(['Carol', 'dave']);
  });
});

describe('LIKE', () => {
  it('matches % against any run of characters, the empty one included', () => {
    expect(usersWhere("user_name LIKE '%'")).toEqual(['alice', 'bob', 'Carol', 'dave', '']);
    expect(usersWhere("login_name LIKE '%@acme.com'")).toEqual(['alice', 'Carol']);
    expect(usersWhere("login_name LIKE '%acme%'")).toEqual(['alice', 'Carol']);
    expect(usersWhere("user_name LIKE 'a%e'")).toEqual(['alice']);
    expect(usersWhere("user_name LIKE '%%%'")).toHaveLength(5);
  });

  it('matches _ against exactly one character', () => {
    expect(usersWhere("user_name LIKE '___'")).toEqual(['bob']);
    expect(usersWhere("user_name LIKE '_a%'")).toEqual(['Carol', 'dave']);
    expect(usersWhere("user_name LIKE '_'")).toEqual([]);
  });

  it('needs the whole value to match a pattern of literal text, case and all', () => {
    expect(usersWhere("user_name LIKE 'bob'")).toEqual(['bob']);
    expect(usersWhere("user_name LIKE 'bo'")).toEqual([]);
    expect(usersWhere("user_name LIKE 'BOB'")).toEqual([]);
    expect(usersWhere("user_name LIKE 'carol'")).toEqual([]);
    expect(usersWhere("user_name NOT LIKE 'bob'")).toEqual(['alice', 'Carol', 'dave', '']);
  });

  it('matches the empty pattern to the empty value only', () => {
    expect(usersWhere("user_name LIKE ''")).toEqual(['']);
  });

  it('matches nothing with a pattern longer than the value', () => {
    expect(usersWhere("user_name LIKE 'bob_'")).toEqual([]);
    expect(usersWhere("user_name LIKE 'bob%b'")).toEqual([]);
    expect(usersWhere("user_name LIKE 'bo%ob'")).toEqual([]);
    expect(usersWhere("user_name LIKE 'b%b'")).toEqual(['bob']);
  });

  it('reads \\ as making the next character literal', () => {
    const values = (pattern: string) =>
      ['100%', '100x', 'a_b', 'axb', 'a\\b'].filter((v) => matchesLike(v, parseLikePattern(pattern)!));
    expect(values('100\\%')).toEqual(['100%']);
    expect(values('a\\_b')).toEqual(['a_b']);
    expect(values('a\\\\b')).toEqual(['a\\b']);
    expect(values('a\\b')).toEqual([]);
    expect(values('\\a\\x\\b')).toEqual(['axb']);
  });

  it('counts a character beyond U+FFFF as one', () => {
    const pattern = parseLikePattern('a_b')!;
    expect(matchesLike('a😀b', pattern)).toBe(true);
    expect(matchesLike('a😀😀b', pattern)).toBe(false);
  });

  it('takes the pattern from a column, row by row', () => {
    expect(usersWhere('login_name LIKE user_name')).toEqual(['']);
    expect(
      firsts(
        "SELECT service_account_name FROM information_schema.service_accounts WHERE 'etl' LIKE service_account_name",
        serviceAccounts,
      ),
    ).toEqual(['etl']);
  });
});

describe('ORDER BY and LIMIT', () => {
  it('sorts text by code point, ascending unless told', () => {
    expect(firsts('SELECT user_name FROM information_schema.users ORDER BY user_name')).toEqual([
      '',
      'Carol',
      'alice',
      'bob',
      'dave',
    ]);
    expect(firsts('SELECT user_name FROM information_schema.users ORDER BY user_name DESC')).toEqual([
      'dave',
      'bob',
      'alice',
      'Carol',
      '',
    ]);
  });

  it('puts NULLs last ascending and first descending', () => {
    expect(firsts('SELECT login_name FROM information_schema.users ORDER BY login_name ASC')).toEqual([
      '',
      'alice@acme.com',
      'carol@acme.com',
      'dave@other.org',
      null,
    ]);
    expect(firsts('SELECT login_name FROM information_schema.users ORDER BY login_name DESC')).toEqual([
      null,
      'dave@other.org',
      'carol@acme.com',
      'alice@acme.com',
      '',
    ]);
  });

  it('breaks ties with the next key, and keeps the input order of full ties', () => {
    expect(
      firsts('SELECT user_name FROM information_schema.users ORDER BY default_database DESC, user_name'),
    ).toEqual(['', 'bob', 'Carol', 'alice', 'dave']);
    expect(firsts('SELECT user_name FROM information_schema.users ORDER BY default_database')).toEqual([
      'alice',
      'dave',
      'Carol',
      'bob',
      '',
    ]);
  });

  it('sorts timestamps in time order and booleans false first, by columns not selected too', () => {
    expect(firsts('SELECT user_name FROM information_schema.users ORDER BY created DESC')).toEqual([
      '',
      'bob',
      'alice',
      'dave',
      'Carol',
    ]);
    expect(
      firsts(
        'SELECT service_account_name FROM information_schema.service_accounts ORDER BY is_enabled, is_organization_admin DESC',
        serviceAccounts,
      ),
    ).toEqual(['etl', 'loader', 'audit']);
  });

  it('applies WHERE, then ORDER BY, then LIMIT', () => {
    expect(
      firsts(
        'SELECT user_name FROM information_schema.users WHERE login_name IS NOT NULL ORDER BY created DESC LIMIT 2',
      ),
    ).toEqual(['', 'alice']);
    expect(firsts('SELECT user_name FROM information_schema.users LIMIT 2')).toEqual(['alice', 'bob']);
    expect(firsts('SELECT user_name FROM information_schema.users LIMIT 99')).toHaveLength(5);
  });

  it('gives the columns and no rows for LIMIT 0', () => {
    const result = run('SELECT user_name, created FROM information_schema.users LIMIT 0');
    expect(result).toEqual({
      columns: [
        { name: 'user_name', type: 'text' },
        { name: 'created', type: 'timestamptz' },
      ],
      rows: [],
    });
  });
});

describe('SHOW', () => {
  it.each([
    ['SHOW SERVICE ACCOUNTS', serviceAccounts, 'service_account_name', ['audit', 'etl', 'loader'], 11],
    ['SHOW USERS', users, 'user_name', ['', 'Carol', 'alice', 'bob', 'dave'], 9],
    ['SHOW LOGINS', logins, 'login_name', ['al@acme.com', 'zoe@acme.com'], 10],
    ['SHOW NETWORK POLICIES', networkPolicies, 'network_policy_name', ['everywhere', 'office'], 8],
    ['SHOW ROLES', roles, 'role_name', ['Admin', 'reader'], 5],
  ] as const)(
    '%s lists every column of the table, ordered by name',
    (sql, rows, nameColumn, names, width) => {
      const table = sql.slice(5).toLowerCase().replace(' ', '_');
      const shown = show(sql, rows);
      const selected = run(`SELECT * FROM information_schema.${table} ORDER BY ${nameColumn}`, rows);
      expect(shown).toEqual(selected);
      expect(shown.columns).toHaveLength(width);
      const index = shown.columns.findIndex((c) => c.name === nameColumn);
      expect(shown.rows.map((row) => row[index])).toEqual(names);
    },
  );

  it('sends a login as Firebolt would', () => {
    expect(show('SHOW LOGINS', logins).rows[0]).toEqual([
      'al@acme.com',
      'Al',
      'A',
      'office',
      false,
      false,
      '2024-01-01 00:00:00.000000+00',
      'root@acme.com',
      '2024-05-06 07:08:09.000000+00',
      'root@acme.com',
    ]);
  });
});

describe('errors', () => {
  it('names an unknown table with its position, and lists the tables', () => {
    const error = errorOf(() => run('SELECT *\nFROM   information_schema.groups'));
    expect(error.code).toBe('sql_unknown_table');
    expect(error.message).toMatch(
      /^No table information_schema\.groups \(line 2, column 8\)\. The tables are /,
    );
    expect(error.message).toContain('information_schema.enabled_roles');
    expect(error.details).toEqual({ line: 2, column: 8 });
    expect(errorOf(() => run('SELECT * FROM users')).code).toBe('sql_unknown_table');
    expect(errorOf(() => run('SELECT * FROM information_schema.constructor')).code).toBe('sql_unknown_table');
    expect(errorOf(() => run('SELECT * FROM information_schema')).code).toBe('sql_unknown_table');
  });

  it('names an unknown column with its position in the select list, WHERE and ORDER BY', () => {
    const inList = errorOf(() => run('SELECT foo FROM information_schema.users'));
    expect(inList.code).toBe('sql_unknown_column');
    expect(inList.message).toBe('No column "foo" in information_schema.users (line 1, column 8).');
    expect(inList.details).toEqual({ line: 1, column: 8 });
    const inWhere = errorOf(() =>
      run('SELECT * FROM information_schema.users\n  WHERE user_name = \'a\' OR "Email" IS NULL'),
    );
    expect(inWhere.message).toBe('No column "Email" in information_schema.users (line 2, column 28).');
    const inOrder = errorOf(() => run('SELECT * FROM information_schema.enabled_roles ORDER BY name', roles));
    expect(inOrder.message).toBe('No column "name" in information_schema.enabled_roles (line 1, column 57).');
    expect(errorOf(() => run('SELECT is_enabled FROM information_schema.users')).code).toBe(
      'sql_unknown_column',
    );
  });

  it('refuses comparing values of different types, naming the one that does not fit', () => {
    const booleanWithString = errorOf(() =>
      run("SELECT * FROM information_schema.service_accounts WHERE is_enabled = 'true'", serviceAccounts),
    );
    expect(booleanWithString.code).toBe('sql_type_mismatch');
    expect(booleanWithString.message).toBe(
      'Cannot compare the string \'true\' with the boolean column "is_enabled" (line 1, column 70).',
    );
    expect(booleanWithString.details).toEqual({ line: 1, column: 70 });
    const mismatches = [
      "'yes' = is_organization_admin",
      'user_name = 1',
      'user_name = TRUE',
      'created = FALSE',
      'created = 20240101',
      'user_name = created',
      "1 = 'a'",
      "user_name IN ('a', 1)",
      'is_organization_admin IN (TRUE, service_account_name)',
    ];
    for (const condition of mismatches) {
      const table = condition.includes('admin') ? 'service_accounts' : 'users';
      const columns = condition.includes('admin') ? 'service_account_name' : 'user_name';
      expect(
        errorOf(() => run(`SELECT ${columns} FROM information_schema.${table} WHERE ${condition}`, [])).code,
        condition,
      ).toBe('sql_type_mismatch');
    }
  });

  it('refuses LIKE on what is not text', () => {
    const error = errorOf(() =>
      run("SELECT * FROM information_schema.service_accounts WHERE is_enabled LIKE 't%'", serviceAccounts),
    );
    expect(error.code).toBe('sql_type_mismatch');
    expect(error.message).toBe(
      'LIKE matches text, but its value is the boolean column "is_enabled" (line 1, column 57).',
    );
    expect(errorOf(() => run("SELECT * FROM information_schema.users WHERE created LIKE '2024%'")).code).toBe(
      'sql_type_mismatch',
    );
    expect(errorOf(() => run('SELECT * FROM information_schema.users WHERE user_name LIKE 1')).message).toBe(
      'LIKE matches text, but its pattern is the number 1 (line 1, column 61).',
    );
  });

  it('lets an array column be tested only with IS [NOT] NULL', () => {
    const error = errorOf(() =>
      run("SELECT * FROM information_schema.roles WHERE permissions = 'incidents:read'", roles),
    );
    expect(error.code).toBe('sql_type_mismatch');
    expect(error.message).toBe(
      'Column "permissions" is an array(text), which only IS [NOT] NULL can test (line 1, column 46).',
    );
    for (const clause of [
      "WHERE allowed_ips LIKE '%'",
      "WHERE '10.0.0.0/8' IN (allowed_ips)",
      'WHERE allowed_ips = blocked_ips',
      'ORDER BY allowed_ips',
    ]) {
      expect(
        errorOf(() => run(`SELECT * FROM information_schema.network_policies ${clause}`, [])).code,
        clause,
      ).toBe('sql_type_mismatch');
    }
  });

  it('refuses a string compared with a timestamp that is not a date and time', () => {
    const error = errorOf(() => run("SELECT * FROM information_schema.users WHERE created = 'yesterday'"));
    expect(error.code).toBe('sql_invalid_value');
    expect(error.message).toMatch(
      /^'yesterday' is not a timestamp, compared with the timestamptz column "created" \(line 1, column 56\)\. Write /,
    );
    expect(error.details).toEqual({ line: 1, column: 56 });
    for (const text of [
      '2024-02-30',
      '2024-13-01',
      '2024-01-01 24:00:00',
      '2024-1-1',
      '2024-01-01 00:00:60',
      '',
    ]) {
      expect(
        errorOf(() =>
          run(`SELECT * FROM information_schema.users WHERE created IN ('2024-01-01', '${text}')`, []),
        ).code,
        text,
      ).toBe('sql_invalid_value');
    }
  });

  it('refuses a LIKE pattern that ends with the escape character', () => {
    const error = errorOf(() => run("SELECT * FROM information_schema.users WHERE user_name LIKE 'a\\'"));
    expect(error.code).toBe('sql_invalid_value');
    expect(error.message).toBe(
      "The LIKE pattern 'a\\' ends with the escape character \\ (line 1, column 61). Write \\\\ to match a backslash.",
    );
    const fromColumn = errorOf(() =>
      run("SELECT * FROM information_schema.users WHERE 'x' LIKE login_name", [
        user('u', { login_name: 'x\\' }),
      ]),
    );
    expect(fromColumn.code).toBe('sql_invalid_value');
    expect(fromColumn.details).toEqual({ line: 1, column: 55 });
  });

  it('fails the same on no rows as on some, before reading any', () => {
    expect(errorOf(() => run('SELECT * FROM information_schema.users WHERE nope IS NULL', [])).code).toBe(
      'sql_unknown_column',
    );
    expect(
      errorOf(() => run('SELECT * FROM information_schema.users WHERE 1 = 2 AND user_name = 1')).code,
    ).toBe('sql_type_mismatch');
  });
});

describe('timestamps', () => {
  it('are written as Firebolt writes timestamptz, in UTC with microseconds', () => {
    expect(formatTimestamptz(at('2024-01-02T03:04:05.006Z'))).toBe('2024-01-02 03:04:05.006000+00');
    expect(formatTimestamptz(0)).toBe('1970-01-01 00:00:00.000000+00');
  });

  it('read back from the form they are written in, and from ISO 8601', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('0001-01-01T00:00:00Z'), max: at('9999-12-31T23:59:59.999Z') }),
        (ms) => {
          expect(parseTimestamp(formatTimestamptz(ms))).toBe(ms);
          expect(parseTimestamp(new Date(ms).toISOString())).toBe(ms);
        },
      ),
      { numRuns: propertyRuns(1 / 5) },
    );
  });
});

/** LIKE by its definition, trying every split at each `%`: exponential, so only for short strings. */
function likeByDefinition(value: readonly string[], pattern: readonly string[]): boolean {
  if (pattern.length === 0) return value.length === 0;
  const [head, ...rest] = pattern;
  if (head === '%')
    return value.some((_, i) => likeByDefinition(value.slice(i), rest)) || likeByDefinition([], rest);
  if (value.length === 0) return false;
  if (head === '\\') return value[0] === rest[0] && likeByDefinition(value.slice(1), rest.slice(1));
  return (head === '_' || head === value[0]) && likeByDefinition(value.slice(1), rest);
}

function endsWithEscape(pattern: string): boolean {
  return /(?:^|[^\\])(?:\\\\)*\\$/.test(pattern);
}

describe('the LIKE matcher', () => {
  const character = fc.constantFrom('a', 'b', '%', '_', '\\', '😀');

  it('agrees with LIKE by definition on short strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: character, maxLength: 10 }),
        fc.string({ unit: character, maxLength: 8 }),
        (value, pattern) => {
          const parsed = parseLikePattern(pattern);
          if (endsWithEscape(pattern)) {
            expect(parsed).toBeUndefined();
            return;
          }
          expect(matchesLike(value, parsed!)).toBe(likeByDefinition(Array.from(value), Array.from(pattern)));
        },
      ),
      { numRuns: propertyRuns(1 / 5) },
    );
  });

  it('matches any text with every character escaped to itself only', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (value, other) => {
          const pattern = parseLikePattern(Array.from(value, (c) => `\\${c}`).join(''))!;
          expect(matchesLike(value, pattern)).toBe(true);
          expect(matchesLike(other, pattern)).toBe(other === value);
        },
      ),
      { numRuns: propertyRuns(1 / 5) },
    );
  });

  it('stays fast, retrying nothing, on patterns that make a backtracking matcher explode', () => {
    const value = 'a'.repeat(100_000);
    const adversarial = [
      `${'%a'.repeat(2_000)}%b`,
      `${'%a'.repeat(2_000)}b`,
      `%${'_'.repeat(500)}b%`,
      '%a%a%a%a%a%a%a%a%ab',
    ];
    for (const written of adversarial) {
      const pattern = parseLikePattern(written)!;
      const started = performance.now();
      expect(matchesLike(value, pattern)).toBe(false);
      expect(performance.now() - started, written.slice(0, 20)).toBeLessThan(1_000);
    }
    const rows = Array.from({ length: 200 }, (_, i) => user(`u${i}`, { login_name: 'a'.repeat(2_000) }));
    const started = performance.now();
    const sql = `SELECT user_name FROM information_schema.users WHERE login_name LIKE '${'%a'.repeat(500)}%b'`;
    expect(firsts(sql, rows)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
