import { describe, expect, it } from 'vitest';
import { buildCatalog, demoCatalog } from '../src/permissions/catalog.js';
import { PermissionSet } from '../src/permissions/permission-set.js';
import { presets } from '../src/permissions/presets.js';
import { scopeClaim } from '../src/permissions/scope-claim.js';

const budget = 4096;
const platformIds = demoCatalog.resources.map((r) => r.id).filter((id) => !id.startsWith('portcullis.'));

describe('the scope claim a token carries', () => {
  it('spells out every platform permission of Admin after its canonical form, within the budget', () => {
    const claim = scopeClaim(presets.admin(demoCatalog), budget);
    const items = claim.split(' ');
    expect(items[0]).toBe('*:*');
    expect(items).toContain('incidents:create');
    expect(items).toHaveLength(1 + platformIds.length * demoCatalog.actions.length);
    expect(items.some((item) => item.startsWith('portcullis.'))).toBe(false);
    expect(claim.length).toBeLessThanOrEqual(budget);
  });

  it('spells out get and list of every platform resource for Read only, and nothing else', () => {
    const items = scopeClaim(presets.read_only(demoCatalog), budget).split(' ');
    expect(items.slice(0, 2)).toEqual(['*:get', '*:list']);
    expect(items).toContain('incidents:list');
    expect(items).not.toContain('incidents:create');
    expect(items).toHaveLength(2 + platformIds.length * 2);
  });

  it('means the same set as the canonical form when parsed back', () => {
    for (const text of ['*:*', '*:get *:list', 'incidents:* findings:list portcullis.users:*', '']) {
      const set = PermissionSet.parse(demoCatalog, text);
      expect(PermissionSet.parse(demoCatalog, scopeClaim(set, budget)).equals(set)).toBe(true);
    }
  });

  it('writes a set already spelled out once, without repeating an item', () => {
    const set = PermissionSet.parse(demoCatalog, 'incidents:get incidents:list');
    expect(scopeClaim(set, budget)).toBe('incidents:get incidents:list');
    expect(scopeClaim(PermissionSet.parse(demoCatalog, 'incidents:*'), budget)).toBe(
      'incidents:* incidents:create incidents:delete incidents:get incidents:list incidents:run incidents:update',
    );
  });

  it('keeps the canonical form alone when spelling out would pass the budget, or the budget is 0', () => {
    const resources = Array.from({ length: 200 }, (_, i) => ({ id: `resource_number_${i}`, name: `R${i}` }));
    const large = buildCatalog(resources);
    expect(scopeClaim(presets.admin(large), budget)).toBe('*:*');
    expect(scopeClaim(presets.read_only(demoCatalog), 0)).toBe('*:get *:list');
  });
});
