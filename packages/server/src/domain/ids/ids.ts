import { monotonicFactory } from 'ulid';

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

const nextUlid = monotonicFactory();
const idBody = /^[0-9a-hjkmnp-tv-z]{26}$/;

export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${nextUlid().toLowerCase()}`;
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
