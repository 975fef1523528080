import { expect } from 'vitest';
import type { Db } from '../../src/store/database.js';
import { snapshotState } from './state-snapshot.js';

/** Runs a request and asserts it changed no state table (the audit log may record a refusal). */
export async function expectUnchanged<T>(db: Db, request: () => Promise<T>): Promise<T> {
  const before = await snapshotState(db);
  const result = await request();
  expect(await snapshotState(db)).toEqual(before);
  return result;
}
