import { describe, expect, it } from 'vitest';
import { isId, kindOfId, newId } from '../../src/domain/ids/ids.js';

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

  it('rejects look-alikes', () => {
    expect(kindOfId('sa_')).toBeUndefined();
    expect(kindOfId('sa_01M82XVP2VSEHR91FDAGGR88NR')).toBeUndefined();
    expect(kindOfId('pcs_abc')).toBeUndefined();
  });
});
