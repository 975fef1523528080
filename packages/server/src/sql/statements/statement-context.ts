import { type ErrorCode, isPortcullisError } from '@portcullis/core/errors';
import type { Caller, ServiceContext } from '../../services/context.js';
import type { SqlSession } from '../sql-session.js';

/** What every statement runs with: the server's use cases, the caller, and the script's session. */
export interface StatementContext {
  ctx: ServiceContext;
  caller: Caller;
  session: SqlSession;
}

/** `IF NOT EXISTS` also covers a concurrent creator that won between the look-up and the insert. */
export async function unlessExists(ifNotExists: boolean, code: ErrorCode, create: () => Promise<unknown>) {
  try {
    await create();
  } catch (error) {
    if (!(ifNotExists && isPortcullisError(error) && error.code === code)) throw error;
  }
}
