import { applySetting, type SqlSession } from '../../sql/sql-session.js';

/**
 * Parameters the Node driver (firebolt-sdk) sends that mean nothing to Portcullis, which has no databases
 * or engines: `database` (the connection's database, also after `USE DATABASE`), `engine` (after
 * `USE ENGINE`), `auto_start_stop_control` (its `testConnection`) and `query_label` (a caller's label for
 * the query). They are accepted and ignored, as `USE DATABASE` and `USE ENGINE` are.
 */
export const ignoredParameters: ReadonlySet<string> = new Set([
  'database',
  'engine',
  'auto_start_stop_control',
  'query_label',
]);

/**
 * The session a query runs in, from its query parameters. The driver turns `SET name = value` into a
 * `SELECT 1` carrying `?name=value` and then sends that parameter with every later query, unless the
 * `SELECT 1` failed: so every parameter but `output_format` and the ignored ones is a setting
 * (`account`, from the engine URL, is one), applied as `SET` would, and one Portcullis does not have is
 * refused with `sql_unknown_setting` before anything runs.
 */
export function sessionOfParameters(parameters: Readonly<Record<string, string>>): SqlSession {
  const session: SqlSession = {};
  for (const [name, value] of Object.entries(parameters)) {
    if (name === 'output_format' || ignoredParameters.has(name)) continue;
    applySetting(session, name, value);
  }
  return session;
}
