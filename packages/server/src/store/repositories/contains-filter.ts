import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * A case-insensitive substring filter that reads every character literally, the same on both engines.
 *
 * `%`, `_` and the escape character itself are escaped, so `fb_net_x` finds `fb_net_x` and not `fb-net-x`.
 * SQLite knows no default escape character, so the clause names one: `!`, because a backslash in a string
 * literal means something else to PostgreSQL when `standard_conforming_strings` is off. SQLite's LIKE
 * ignores ASCII case and PostgreSQL's does not: both sides are lowered, so neither engine's rule applies.
 * The names filtered are ASCII, where SQLite's `lower` and PostgreSQL's agree.
 */
export function containsIgnoringCase(column: string, text: string): Expression<SqlBool> {
  const literal = text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`);
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${literal}%`} escape '!'`;
}
