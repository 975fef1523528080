import { describe, expect, it } from 'vitest';
import { RevocationList } from '../../src/revocation-list.js';

describe('the revocation list', () => {
  it('refuses a revoked token id and nothing else', () => {
    const list = new RevocationList();
    list.apply({ kind: 'token', jti: 'jti-1' });
    expect(list.isRevoked('jti-1', 'sa_1', 100)).toBe(true);
    expect(list.isRevoked('jti-2', 'sa_1', 100)).toBe(false);
  });

  it("refuses a subject's tokens issued before its not-before second, not those issued in it or after", () => {
    const list = new RevocationList();
    list.apply({ kind: 'subject', subject: 'sa_1', notBefore: 1_000 });
    expect(list.isRevoked('a', 'sa_1', 999)).toBe(true);
    expect(list.isRevoked('b', 'sa_1', 1_000)).toBe(false);
    expect(list.isRevoked('c', 'sa_2', 999)).toBe(false);
  });

  it('keeps the latest not-before of a subject whatever order events arrive in', () => {
    const list = new RevocationList();
    list.apply({ kind: 'subject', subject: 'sa_1', notBefore: 2_000 });
    list.apply({ kind: 'subject', subject: 'sa_1', notBefore: 1_000 });
    expect(list.isRevoked('a', 'sa_1', 1_500)).toBe(true);
  });

  it('forgets entries once every token they could concern has expired (a day and the largest tolerance)', () => {
    let now = 10_000_000_000;
    const list = new RevocationList(() => now);
    list.apply({ kind: 'token', jti: 'jti-1' });
    list.apply({ kind: 'subject', subject: 'sa_1', notBefore: now / 1000 });
    now += (86_400 + 300) * 1000;
    list.forgetExpired();
    expect(list.size).toEqual({ tokens: 1, subjects: 1 });
    now += 1_000;
    list.forgetExpired();
    expect(list.size).toEqual({ tokens: 0, subjects: 0 });
  });
});
