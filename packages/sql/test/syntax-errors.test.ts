import { describe, expect, it } from 'vitest';
import { maxConditionDepth, parseScript, SqlSyntaxError } from '../src/index.js';

function errorOf(script: string): SqlSyntaxError {
  try {
    parseScript(script);
  } catch (error) {
    if (error instanceof SqlSyntaxError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${script}`);
}

/** The fields an error is judged by. */
function described(script: string) {
  const { line, column, offset, found, expected, message } = errorOf(script);
  return { line, column, offset, found, expected, message };
}

const afterOptions = (options: string[]) => [...options, "';'", 'end of input'];

describe('syntax errors', () => {
  it('name a missing = with line, column, what was found and what was expected', () => {
    expect(described('SHOW USERS;\nCREATE SERVICE ACCOUNT sa\nWITH IS_ORGANIZATION_ADMIN TRUE')).toEqual({
      line: 3,
      column: 28,
      offset: 65,
      found: 'TRUE',
      expected: ["'='"],
      message: "Syntax error at line 3, column 28: expected '=' but found 'TRUE'",
    });
    expect(described("CREATE SERVICE ACCOUNT sa WITH DESCRIPTION 'x'")).toMatchObject({
      column: 44,
      found: "'x'",
      message: "Syntax error at line 1, column 44: expected '=' but found 'x'",
    });
  });

  it('list every statement when the first word starts none', () => {
    expect(described('  EXPLAIN SHOW USERS')).toEqual({
      line: 1,
      column: 3,
      offset: 2,
      found: 'EXPLAIN',
      expected: ['CREATE', 'ALTER', 'DROP', 'GRANT', 'REVOKE', 'CALL', 'SHOW', 'SELECT', 'SET', 'USE'],
      message:
        "Syntax error at line 1, column 3: expected CREATE, ALTER, DROP, GRANT, REVOKE, CALL, SHOW, SELECT, SET or USE but found 'EXPLAIN'",
    });
  });

  it('list the objects that can follow CREATE, ALTER and DROP', () => {
    expect(errorOf('CREATE DATABASE db').expected).toEqual([
      'SERVICE ACCOUNT',
      'LOGIN',
      'USER',
      'NETWORK POLICY',
      'ROLE',
    ]);
    expect(errorOf('ALTER ROLE r').expected).toEqual([
      'SERVICE ACCOUNT',
      'LOGIN',
      'USER',
      'NETWORK POLICY',
      'ORGANIZATION',
    ]);
    expect(described('DROP SERVICE USER u')).toMatchObject({
      column: 14,
      found: 'USER',
      expected: ['ACCOUNT'],
    });
  });

  it('say where an unterminated string, quoted name or comment starts', () => {
    expect(described("SHOW USERS;\nCREATE SERVICE ACCOUNT sa WITH DESCRIPTION = 'never\nclosed")).toEqual({
      line: 2,
      column: 46,
      offset: 57,
      found: "'never\nclosed",
      expected: ["the closing '"],
      message: "Syntax error at line 2, column 46: unterminated string (no closing ')",
    });
    expect(described('DROP USER "half')).toMatchObject({
      column: 11,
      found: '"half',
      expected: ['the closing "'],
      message: 'Syntax error at line 1, column 11: unterminated quoted name (no closing ")',
    });
    expect(described('SHOW USERS; /* a\ncomment\n')).toMatchObject({
      line: 1,
      column: 13,
      found: '/* a\ncomment\n',
      expected: ['the closing */'],
      message: 'Syntax error at line 1, column 13: unterminated comment (no closing */)',
    });
  });

  it('name an option given twice, listing the options still open', () => {
    expect(
      described(
        "CREATE SERVICE ACCOUNT sa WITH DESCRIPTION = 'a' IS_ORGANIZATION_ADMIN = TRUE, DESCRIPTION = 'b'",
      ),
    ).toEqual({
      line: 1,
      column: 80,
      offset: 79,
      found: 'DESCRIPTION',
      expected: ['NETWORK_POLICY', 'CONNECTION_PREFERENCE'],
      message: 'Syntax error at line 1, column 80: DESCRIPTION is given twice',
    });
  });

  it('refuse trailing words after a complete statement', () => {
    expect(described('DROP USER u v')).toMatchObject({
      column: 13,
      found: 'v',
      expected: ["';'", 'end of input'],
      message: "Syntax error at line 1, column 13: expected ';' or end of input but found 'v'",
    });
    expect(errorOf('DROP NETWORK POLICY p NOW').expected).toEqual([
      'RESTRICT',
      'CASCADE',
      "';'",
      'end of input',
    ]);
    expect(errorOf("CREATE USER u WITH LOGIN = 'l' extra").expected).toEqual(
      afterOptions(['DEFAULT_DATABASE', 'DEFAULT_ENGINE', 'ROLE']),
    );
  });

  it('refuse a user with both a login and a service account', () => {
    expect(described("CREATE USER u WITH LOGIN = 'a@acme.com' SERVICE_ACCOUNT = sa")).toEqual({
      line: 1,
      column: 41,
      offset: 40,
      found: 'SERVICE_ACCOUNT',
      expected: ['DEFAULT_DATABASE', 'DEFAULT_ENGINE', 'ROLE'],
      message:
        'Syntax error at line 1, column 41: SERVICE_ACCOUNT cannot be given with LOGIN: a user has a login or a service account, not both',
    });
    expect(described('ALTER USER u SET SERVICE_ACCOUNT = sa LOGIN = l')).toMatchObject({
      column: 47,
      found: 'l',
      expected: ['DEFAULT'],
      message:
        "Syntax error at line 1, column 47: expected DEFAULT but found 'l': a user has a login or a service account, not both",
    });
  });

  it('require the options a statement cannot do without', () => {
    expect(described('CREATE LOGIN "a@acme.com" WITH FIRST_NAME = \'A\';')).toMatchObject({
      column: 48,
      found: ';',
      expected: [
        'LAST_NAME',
        'NETWORK_POLICY',
        'IS_ORGANIZATION_ADMIN',
        'IS_PASSWORD_ENABLED',
        'IS_MFA_ENABLED',
      ],
      message:
        "Syntax error at line 1, column 48: expected LAST_NAME, NETWORK_POLICY, IS_ORGANIZATION_ADMIN, IS_PASSWORD_ENABLED or IS_MFA_ENABLED but found ';': LAST_NAME is required",
    });
    expect(errorOf('CREATE LOGIN l').expected).toEqual(['WITH']);
    expect(errorOf("CREATE NETWORK POLICY p WITH DESCRIPTION = 'x'").message).toMatch(
      /ALLOWED_IP_LIST is required$/,
    );
    expect(described('ALTER SERVICE ACCOUNT sa SET')).toMatchObject({
      found: 'end of input',
      expected: [
        'NETWORK_POLICY',
        'DESCRIPTION',
        'IS_ORGANIZATION_ADMIN',
        'CONNECTION_PREFERENCE',
        'IS_ENABLED',
      ],
    });
    expect(errorOf('CREATE SERVICE ACCOUNT sa WITH;').expected).toEqual([
      'DESCRIPTION',
      'NETWORK_POLICY',
      'IS_ORGANIZATION_ADMIN',
      'CONNECTION_PREFERENCE',
    ]);
    expect(errorOf("CREATE SERVICE ACCOUNT sa WITH DESCRIPTION = 'd',").found).toBe('end of input');
  });

  it('take a description only with SET on a network policy', () => {
    expect(described("ALTER NETWORK POLICY p ADD DESCRIPTION = 'x'")).toMatchObject({
      column: 28,
      found: 'DESCRIPTION',
      expected: ['ALLOWED_IP_LIST', 'BLOCKED_IP_LIST'],
      message:
        "Syntax error at line 1, column 28: expected ALLOWED_IP_LIST or BLOCKED_IP_LIST but found 'DESCRIPTION': DESCRIPTION is changed with SET only",
    });
  });

  it('refuse values of the wrong kind', () => {
    expect(errorOf('CREATE SERVICE ACCOUNT sa WITH IS_ORGANIZATION_ADMIN = yes').expected).toEqual([
      'TRUE',
      'FALSE',
    ]);
    expect(errorOf('CREATE SERVICE ACCOUNT sa WITH DESCRIPTION = DEFAULT').expected).toEqual(['a string']);
    expect(errorOf('CREATE SERVICE ACCOUNT sa WITH NETWORK_POLICY = DEFAULT').expected).toEqual(['a name']);
    expect(errorOf('ALTER SERVICE ACCOUNT sa SET NETWORK_POLICY = 5').expected).toEqual([
      'DEFAULT',
      'a name',
    ]);
    expect(errorOf('CREATE SERVICE ACCOUNT sa WITH CONNECTION_PREFERENCE = ANY').expected).toEqual([
      'DEFAULT',
      'PUBLIC_ONLY',
      'PRIVATE_ONLY',
      'PREFER_PUBLIC',
      'PREFER_PRIVATE',
    ]);
    expect(errorOf('CALL fb_GENERATESERVICEACCOUNTKEY(sa)').expected).toEqual(['a string']);
    expect(errorOf("CALL fb_GENERATESERVICEACCOUNTKEY('')").message).toMatch(
      /the service account's name is empty$/,
    );
    expect(errorOf('CALL other()').expected).toEqual(['FB_GENERATESERVICEACCOUNTKEY']);
    expect(errorOf('DROP USER ""')).toMatchObject({ found: '""', expected: ['IF EXISTS', 'a name'] });
    expect(errorOf('SELECT * FROM information_schema.users LIMIT 99999999999999999999').message).toMatch(
      /number too large/,
    );
  });

  it('name a character that belongs to no token', () => {
    expect(described('SELECT * FROM information_schema.users WHERE a < 1')).toMatchObject({
      column: 48,
      found: '<',
      expected: ["'='", "'<>'", "'!='", 'IS', 'LIKE', 'NOT LIKE', 'IN', 'NOT IN'],
    });
    expect(errorOf('SHOW USERS 😀').found).toBe('😀');
  });

  it('report the first error of the script, not a later one', () => {
    expect(errorOf("SHOW USERS x; DROP USER 'unterminated").found).toBe('x');
  });

  it('cut a long offending token to 40 characters', () => {
    const error = errorOf(`SHOW USERS '${'x'.repeat(100)}'`);
    expect(error.found).toBe(`'${'x'.repeat(39)}…`);
    expect(error.message).toContain(`found '${'x'.repeat(39)}…`);
  });

  it(`accept conditions nested ${maxConditionDepth} deep and refuse one level more, however deep the text goes`, () => {
    const nested = (depth: number) =>
      `SELECT * FROM information_schema.users WHERE ${'('.repeat(depth)}a = 1${')'.repeat(depth)}`;
    expect(() => parseScript(nested(maxConditionDepth))).not.toThrow();
    expect(described(nested(maxConditionDepth + 1))).toMatchObject({
      column: 46 + maxConditionDepth,
      found: '(',
      message: `Syntax error at line 1, column ${46 + maxConditionDepth}: conditions nest more than 64 deep`,
    });
    expect(errorOf(nested(200_000))).toBeInstanceOf(SqlSyntaxError);
    expect(
      errorOf(`SELECT * FROM information_schema.users WHERE ${'NOT '.repeat(200_000)} a = 1`),
    ).toBeInstanceOf(SqlSyntaxError);
  });

  it('is an Error named SqlSyntaxError', () => {
    const error = errorOf('NOPE');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SqlSyntaxError');
  });
});
