import { describe, expect, it } from 'vitest';
import { PortcullisError } from '../src/errors/portcullis-error.js';
import { buildCatalog, CatalogError, demoCatalog } from '../src/permissions/catalog.js';
import { PermissionSet } from '../src/permissions/permission-set.js';
import { presets } from '../src/permissions/presets.js';
import { missingForSearch } from '../src/permissions/search-rule.js';

const parse = (text: string) => PermissionSet.parse(demoCatalog, text);

describe('the demo catalog', () => {
  it("holds FireTail's 25 categories and Portcullis's administrative resources", () => {
    const ids = demoCatalog.resources.map((r) => r.id);
    expect(ids.filter((id) => !id.startsWith('portcullis.'))).toHaveLength(25);
    expect(demoCatalog.resources.find((r) => r.id === 'ai_models')?.name).toBe('AI Models');
    expect(ids).toContain('organization');
    expect(ids).toContain('portcullis.organization');
    expect(demoCatalog.actions).toEqual(['create', 'delete', 'get', 'list', 'run', 'update']);
  });

  it('refuses a resource named twice, a bad id and an unknown action, naming each', () => {
    const build = () =>
      buildCatalog(
        [
          { id: 'incidents', name: 'Incidents' },
          { id: 'incidents', name: 'Again' },
          { id: 'Bad-Id', name: 'Bad' },
        ],
        ['create', 'launch'],
      );
    expect(build).toThrow(CatalogError);
    expect(build).toThrow(/unknown action "launch"/);
    expect(build).toThrow(/"incidents" is named twice/);
    expect(build).toThrow(/id must be snake_case \(got "Bad-Id"\)/);
  });
});

describe('permission text', () => {
  it.each([
    ['incidents:get incidents:list', 'incidents:get incidents:list'],
    ['incidents:*', 'incidents:*'],
    [
      'incidents:create incidents:delete incidents:get incidents:list incidents:run incidents:update',
      'incidents:*',
    ],
    ['*:list, *:get', '*:get *:list'],
    ['*:get incidents:get incidents:*', '*:get incidents:*'],
    ['*:*', '*:*'],
    ['*:create *:delete *:get *:list *:run *:update', '*:*'],
    ['', ''],
  ])('formats %j canonically as %j', (input, canonical) => {
    expect(parse(input).format()).toBe(canonical);
  });

  it('expands presets from the catalog', () => {
    expect(presets.admin(demoCatalog).format()).toBe('*:*');
    expect(presets.read_only(demoCatalog).format()).toBe('*:get *:list');
    expect(presets.read_only(demoCatalog).has('portcullis.audit_log', 'list')).toBe(true);
    expect(presets.read_only(demoCatalog).has('incidents', 'update')).toBe(false);
  });

  it('rejects unknown items with unknown_permission naming every one of them', () => {
    try {
      parse('incidents:get nothing:get incidents:launch justtext');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PortcullisError);
      expect((error as PortcullisError).code).toBe('unknown_permission');
      expect((error as PortcullisError).details).toEqual({
        items: ['nothing:get', 'incidents:launch', 'justtext'],
      });
    }
  });

  it('drops resources a stored set names but the catalog no longer has', () => {
    expect(PermissionSet.parseStored(demoCatalog, 'retired_thing:get incidents:get').format()).toBe(
      'incidents:get',
    );
  });
});

describe('the search rule', () => {
  it('needs search:create and list on every searched resource, and says what is missing', () => {
    expect(
      missingForSearch(parse('search:create incidents:list findings:list'), ['incidents', 'findings']),
    ).toEqual([]);
    expect(missingForSearch(parse('incidents:list'), ['incidents', 'findings'])).toEqual([
      'search:create',
      'findings:list',
    ]);
    expect(missingForSearch(parse('*:*'), [])).toEqual([]);
  });

  it('refuses to judge a search over an unknown resource', () => {
    expect(() => missingForSearch(parse('*:*'), ['dragons'])).toThrow(/Unknown resource: dragons/);
  });
});
