import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { firstIdAt, idPattern, isId, kindOfId, newId, newIdAt } from '../src/ids/ids.js';

describe('prefixed ids', () => {
  it('carry the prefix of their kind and are recognised by it', () => {
    const id = newId('serviceAccount');
    expect(id).toMatch(/^sa_[0-9a-z]{26}$/);
    expect(isId('serviceAccount', id)).toBe(true);
    expect(isId('login', id)).toBe(false);
    expect(kindOfId(id)).toBe('serviceAccount');
    expect(kindOfId(newId('login'))).toBe('login');
  });

  it('sort in creation order, so keyset pagination follows creation time', () => {
    const ids = Array.from({ length: 1000 }, () => newId('serviceAccount'));
    expect([...ids].sort()).toEqual(ids);
  });

  it('carry a given moment exactly, whatever moments came before, so a time range is an id range', () => {
    const moments = [1_790_000_000_005, 1_790_000_000_001, 1_790_000_000_005, 1_790_000_000_001, 0];
    const ids = moments.map((at) => newIdAt('auditEvent', at));
    expect(ids.map((id) => decodeTime(id.slice(4).toUpperCase()))).toEqual(moments);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      expect(isId('auditEvent', id)).toBe(true);
      expect(id >= firstIdAt('auditEvent', moments[i]!)).toBe(true);
      expect(id < firstIdAt('auditEvent', moments[i]! + 1)).toBe(true);
    }
  });

  it('follow creation order within one moment', () => {
    const ids = Array.from({ length: 1000 }, () => newIdAt('auditEvent', 1_790_000_000_000));
    expect([...ids].sort()).toEqual(ids);
  });

  it('match the pattern of their kind only', () => {
    const pattern = new RegExp(idPattern('user'));
    expect(pattern.test(newId('user'))).toBe(true);
    expect(pattern.test(newId('role'))).toBe(false);
    expect(pattern.test(`${newId('user')}x`)).toBe(false);
  });

  it('rejects look-alikes', () => {
    expect(kindOfId('sa_')).toBeUndefined();
    expect(kindOfId('sa_01M82XVP2VSEHR91FDAGGR88NR')).toBeUndefined();
    expect(kindOfId('pcs_abc')).toBeUndefined();
  });
});
