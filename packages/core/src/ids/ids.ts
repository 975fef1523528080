import { encodeTime, incrementBase32, monotonicFactory, TIME_MAX, ulid } from 'ulid';

/**
 * Every identifier carries a type prefix (Stripe/GitHub style), so a leaked or pasted id says what it is,
 * and a token's `sub` tells a login from a service account without a lookup. The body is a lowercase
 * ULID: sortable by creation time, which gives cursor pagination a stable order for free.
 */
export const idPrefixes = {
  organization: 'org',
  account: 'acct',
  login: 'login',
  user: 'user',
  role: 'role',
  serviceAccount: 'sa',
  secret: 'sec',
  signingKey: 'key',
  auditEvent: 'evt',
  networkPolicy: 'np',
  revocation: 'rev',
} as const;

export type IdKind = keyof typeof idPrefixes;

/**
 * ulid's default source asks the OS for one random byte per character, sixteen calls per id; on the token
 * path (every audit event has an id) that showed in profiles. This draws the same CSPRNG bytes a few
 * kilobytes at a time.
 */
const pool = new Uint32Array(1024);
let poolIndex = pool.length;
function pooledRandom(): number {
  if (poolIndex === pool.length) {
    crypto.getRandomValues(pool);
    poolIndex = 0;
  }
  return pool[poolIndex++]! / 2 ** 32;
}

const nextUlid = monotonicFactory(pooledRandom);
const idBody = /^[0-9a-hjkmnp-tv-z]{26}$/;

export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${nextUlid().toLowerCase()}`;
}

let lastTime = -1;
let lastRandom = '';

/**
 * An id whose time part is exactly `epochMs` (an audit event's moment), so that id order is time order and
 * a time range is an id range. The monotonic factory cannot give that: asked for a time earlier than the
 * last it made, it keeps the later one. Ids for the same millisecond still follow creation order.
 */
export function newIdAt(kind: IdKind, epochMs: number): string {
  const time = clampTime(epochMs);
  lastRandom = time === lastTime ? incrementBase32(lastRandom) : ulid(undefined, pooledRandom).slice(10);
  lastTime = time;
  return `${idPrefixes[kind]}_${encodeTime(time).toLowerCase()}${lastRandom.toLowerCase()}`;
}

/** The smallest id of this kind whose time part is `epochMs`: ids at or after that moment are ≥ it. */
export function firstIdAt(kind: IdKind, epochMs: number): string {
  return `${idPrefixes[kind]}_${encodeTime(clampTime(epochMs)).toLowerCase()}${'0'.repeat(16)}`;
}

function clampTime(epochMs: number): number {
  return Math.min(Math.max(Math.floor(epochMs), 0), TIME_MAX);
}

/** A JSON-schema pattern that accepts exactly the ids of one kind (cursors, path parameters). */
export function idPattern(kind: IdKind): string {
  return `^${idPrefixes[kind]}_${idBody.source.slice(1, -1)}$`;
}

export function isId(kind: IdKind, value: string): boolean {
  const prefix = `${idPrefixes[kind]}_`;
  return value.startsWith(prefix) && idBody.test(value.slice(prefix.length));
}

export function kindOfId(value: string): IdKind | undefined {
  for (const kind of Object.keys(idPrefixes) as IdKind[]) {
    if (isId(kind, value)) return kind;
  }
  return undefined;
}
