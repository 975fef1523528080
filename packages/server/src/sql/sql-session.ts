import { PortcullisError } from '@portcullis/core/errors';

/**
 * What a script's statements act in beyond the caller: the account user statements name (Firebolt's users
 * live in an account), set by the transport — the Firebolt driver's account, `?account=` — or by
 * `SET account = '…'` inside the script. Without one, the organization's default account.
 */
export interface SqlSession {
  account?: string | undefined;
}

/**
 * The settings `SET` accepts. `time_zone` is accepted as UTC only, the zone every time is shown in;
 * anything else is refused rather than silently ignored.
 */
export function applySetting(session: SqlSession, name: string, value: string): void {
  switch (name) {
    case 'account':
    case 'account_name':
      session.account = value;
      return;
    case 'time_zone':
      if (value.toUpperCase() === 'UTC') return;
      throw new PortcullisError('sql_unknown_setting', `time_zone can only be UTC, not "${value}".`, {
        details: { setting: name, value },
      });
    default:
      throw new PortcullisError(
        'sql_unknown_setting',
        `There is no setting "${name}": SET takes account and time_zone.`,
        { details: { setting: name } },
      );
  }
}
