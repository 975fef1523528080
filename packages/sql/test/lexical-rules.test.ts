import { describe, expect, it } from 'vitest';
import { parseScript } from '../src/index.js';
import { catalog, name, quoted, statementOf, statementsOf, string } from './support/without-positions.js';

describe('lexical rules', () => {
  it("read '' inside a string as one quote", () => {
    expect(statementOf("CREATE SERVICE ACCOUNT sa WITH DESCRIPTION = 'it''s ''quoted'''")).toMatchObject({
      description: string("it's 'quoted'"),
    });
    expect(statementOf("CREATE SERVICE ACCOUNT sa WITH DESCRIPTION = ''''")).toMatchObject({
      description: string("'"),
    });
    expect(statementOf("CREATE SERVICE ACCOUNT sa WITH DESCRIPTION = ''")).toMatchObject({
      description: string(''),
    });
  });

  it('read "" inside a quoted name as one quote, and keep any other character and the case', () => {
    expect(statementOf('DROP USER "say ""hi"""')).toMatchObject({ name: quoted('say "hi"') });
    expect(statementOf('DROP USER "Mixed Case; -- /* not a comment */ \'x\'"')).toMatchObject({
      name: quoted("Mixed Case; -- /* not a comment */ 'x'"),
    });
    expect(statementOf('DROP USER "line\nbreak"')).toMatchObject({ name: quoted('line\nbreak') });
  });

  it('keep unquoted object names as written, but lower-case catalog names', () => {
    expect(statementOf('DROP USER Alex_2')).toMatchObject({ name: name('Alex_2') });
    expect(statementOf('SET Time_Zone = Europe')).toMatchObject({
      name: catalog('time_zone'),
      value: name('Europe'),
    });
  });

  it('read keywords in any case', () => {
    expect(statementsOf("cReAtE sErViCe AcCoUnT iF nOt ExIsTs sa WiTh DeScRiPtIoN = 'd'")).toEqual(
      statementsOf("CREATE SERVICE ACCOUNT IF NOT EXISTS sa WITH DESCRIPTION = 'd'"),
    );
    expect(statementOf('alter user u set service_account = default')).toEqual({
      kind: 'alter_user',
      name: name('u'),
      serviceAccount: null,
    });
  });

  it('read a keyword written as a quoted name as a name', () => {
    expect(statementOf('ALTER USER u SET SERVICE_ACCOUNT = "DEFAULT"')).toMatchObject({
      serviceAccount: quoted('DEFAULT'),
    });
    expect(statementOf('ALTER ORGANIZATION "set" SET NETWORK_POLICY = p')).toMatchObject({
      organization: quoted('set'),
    });
  });

  it('skip comments wherever a space may stand', () => {
    const script = `-- leading comment
      /* block */ CREATE/**/SERVICE -- between keywords
      ACCOUNT /* multi
      line */ sa WITH DESCRIPTION/*x*/=/*y*/'d' -- before the semicolon
      ; -- after it
      /* only a comment */ ;
      DROP USER u--no space before
      /* trailing */`;
    expect(statementsOf(script)).toEqual([
      { kind: 'create_service_account', ifNotExists: false, name: name('sa'), description: string('d') },
      { kind: 'drop_user', ifExists: false, name: name('u') },
    ]);
  });

  it('keep comment markers inside strings and quoted names as text', () => {
    expect(
      statementOf('CREATE SERVICE ACCOUNT "a--b" WITH DESCRIPTION = \'/* not -- a comment */\''),
    ).toMatchObject({
      name: quoted('a--b'),
      description: string('/* not -- a comment */'),
    });
  });

  it('skip empty statements: repeated, trailing and comment-only ones', () => {
    expect(parseScript('')).toEqual([]);
    expect(parseScript(' ;; ; -- nothing\n /* nothing */ ;')).toEqual([]);
    expect(statementsOf(';;SHOW USERS;;;SHOW ROLES;')).toEqual([
      { kind: 'show', objects: 'users' },
      { kind: 'show', objects: 'roles' },
    ]);
  });

  it('separate tokens with other Unicode spaces too', () => {
    expect(statementOf('\uFEFFSHOW\u00A0USERS')).toEqual({ kind: 'show', objects: 'users' });
  });
});

describe('positions in a multi-statement script', () => {
  it('give each statement its text, start and end, lines and columns from 1', () => {
    const script =
      "  SHOW USERS ;\n-- comment\n\tDROP USER IF EXISTS u;CREATE SERVICE ACCOUNT sa\n  WITH DESCRIPTION = 'a\nb'";
    const parsed = parseScript(script);
    expect(parsed.map(({ text, start, end }) => ({ text, start, end }))).toEqual([
      {
        text: 'SHOW USERS',
        start: { offset: 2, line: 1, column: 3 },
        end: { offset: 12, line: 1, column: 13 },
      },
      {
        text: 'DROP USER IF EXISTS u',
        start: { offset: 27, line: 3, column: 2 },
        end: { offset: 48, line: 3, column: 23 },
      },
      {
        text: "CREATE SERVICE ACCOUNT sa\n  WITH DESCRIPTION = 'a\nb'",
        start: { offset: 49, line: 3, column: 24 },
        end: { offset: 101, line: 5, column: 3 },
      },
    ]);
    for (const { text, start, end } of parsed) expect(script.slice(start.offset, end.offset)).toBe(text);
  });

  it('give names, strings and columns the position of their first character', () => {
    const [create, select] = parseScript(
      "CREATE USER \"u\" WITH LOGIN = 'l';\nSELECT name FROM information_schema.users WHERE email = 'x'",
    );
    expect(create!.statement).toMatchObject({
      name: { start: { offset: 12, line: 1, column: 13 } },
      login: { start: { offset: 29, line: 1, column: 30 } },
    });
    expect(select!.statement).toMatchObject({
      columns: [{ name: 'name', start: { offset: 41, line: 2, column: 8 } }],
      table: { start: { offset: 51, line: 2, column: 18 } },
      where: { left: { name: 'email', start: { offset: 82, line: 2, column: 49 } } },
    });
  });

  it('count a CRLF line ending as one line break, and a lone CR as one too', () => {
    const script = 'SHOW USERS;\r\n\r\n  SHOW ROLES;\r  SHOW LOGINS';
    expect(parseScript(script).map(({ start, end }) => [start, end])).toEqual([
      [
        { offset: 0, line: 1, column: 1 },
        { offset: 10, line: 1, column: 11 },
      ],
      [
        { offset: 17, line: 3, column: 3 },
        { offset: 27, line: 3, column: 13 },
      ],
      [
        { offset: 31, line: 4, column: 3 },
        { offset: 42, line: 4, column: 14 },
      ],
    ]);
  });

  it('count line breaks inside strings, quoted names and comments', () => {
    const [, last] = parseScript('DROP USER "a\r\nb"; /* x\r\ny */ SELECT \'p\r\nq\', 1');
    expect(last!.start).toEqual({ offset: 29, line: 3, column: 6 });
    expect(last!.statement).toMatchObject({
      values: [{ kind: 'string' }, { start: { line: 4, column: 5 } }],
    });
  });
});
