import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actions, buildCatalog, type Catalog } from '../src/permissions/catalog.js';
import { type ActingUser, effectivePermissions } from '../src/permissions/effective-permissions.js';
import { PermissionSet } from '../src/permissions/permission-set.js';
import { propertyRuns } from './support/property-runs.js';

/** Random catalogs of 1–40 platform resources (plus the administrative ones every catalog has). */
const catalogs = fc
  .integer({ min: 1, max: 40 })
  .map((n) => buildCatalog(Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `R${i}` }))));

function setOf(catalog: Catalog, cells: boolean[]): PermissionSet {
  const items: string[] = [];
  catalog.resources.forEach((resource, r) => {
    actions.forEach((action, a) => {
      if (cells[r * actions.length + a]) items.push(`${resource.id}:${action}`);
    });
  });
  return PermissionSet.parse(catalog, items);
}

/** Sets biased towards the interesting shapes: empty, full rows, full columns, everything. */
const sets = (catalog: Catalog) =>
  fc
    .oneof(
      fc.array(fc.boolean(), {
        minLength: catalog.resources.length * 6,
        maxLength: catalog.resources.length * 6,
      }),
      fc.constant(Array(catalog.resources.length * 6).fill(true)),
      fc.constant([] as boolean[]),
    )
    .chain((cells) =>
      fc
        .tuple(fc.subarray([...actions]), fc.subarray(catalog.resources.map((r) => r.id)))
        .map(([columns, rows]) =>
          setOf(catalog, cells).union(
            PermissionSet.parse(catalog, [...columns.map((a) => `*:${a}`), ...rows.map((r) => `${r}:*`)]),
          ),
        ),
    );

const withOneSet = catalogs.chain((c) => fc.tuple(fc.constant(c), sets(c)));
const withTwoSets = catalogs.chain((c) => fc.tuple(fc.constant(c), sets(c), sets(c)));
const withThreeSets = catalogs.chain((c) => fc.tuple(fc.constant(c), sets(c), sets(c), sets(c)));

const user = (rolePermissions: PermissionSet, isOrganizationAdmin = false, active = true): ActingUser => ({
  active,
  isOrganizationAdmin,
  rolePermissions,
});

/** Orders cells as PermissionSet.cells() does: catalog order, then action order. */
function byCell(s: PermissionSet) {
  const rank = (cell: string) => {
    const [resource, action] = cell.split(':') as [string, string];
    return s.catalog.resourceIndex.get(resource)! * 8 + actions.indexOf(action as (typeof actions)[number]);
  };
  return (a: string, b: string) => rank(a) - rank(b);
}

// Runs is a count, not a time budget: on a busy two-core machine, beside the other test files, one of these
// has taken over 30 s, so the limit is set far above what a healthy run needs.
describe('permission sets (property-based, propertyRuns() cases each)', { timeout: 180_000 }, () => {
  it('parse ∘ format is the identity, and the canonical form is a fixed point', () => {
    fc.assert(
      fc.property(withOneSet, ([catalog, s]) => {
        const text = s.format();
        const reparsed = PermissionSet.parse(catalog, text);
        expect(reparsed.equals(s)).toBe(true);
        expect(reparsed.format()).toBe(text);
        expect(reparsed.cells().join()).toBe(s.cells().join());
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('formats with no redundant item: dropping any one changes the set', () => {
    fc.assert(
      fc.property(withOneSet, ([catalog, s]) => {
        const items = s.items();
        items.forEach((_, i) => {
          const without = PermissionSet.parse(
            catalog,
            items.filter((__, j) => j !== i),
          );
          expect(without.equals(s)).toBe(false);
        });
      }),
      { numRuns: propertyRuns(1 / 5) },
    );
  });

  it('intersect, union, minus and subset agree with the cells they contain', () => {
    fc.assert(
      fc.property(withTwoSets, ([, s, t]) => {
        const sc = new Set(s.cells());
        const tc = new Set(t.cells());
        const same = (set: PermissionSet, cells: Iterable<string>) =>
          set.cells().join() === [...cells].sort(byCell(s)).join();
        expect(
          same(
            s.intersect(t),
            [...sc].filter((c) => tc.has(c)),
          ),
        ).toBe(true);
        expect(same(s.union(t), new Set([...sc, ...tc]))).toBe(true);
        expect(
          same(
            s.minus(t),
            [...sc].filter((c) => !tc.has(c)),
          ),
        ).toBe(true);
        expect(s.isSubsetOf(t)).toBe([...sc].every((c) => tc.has(c)));
        expect([...sc].every((cell) => s.has(...(cell.split(':') as [string, string])))).toBe(true);
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('effective ⊆ granted and effective ⊆ the user’s current set', () => {
    fc.assert(
      fc.property(withTwoSets, fc.boolean(), ([catalog, granted, roles], admin) => {
        const acting = user(roles, admin);
        const effective = effectivePermissions(catalog, granted, acting);
        expect(effective.isSubsetOf(granted)).toBe(true);
        expect(effective.isSubsetOf(admin ? PermissionSet.full(catalog) : roles)).toBe(true);
        // Not narrowed: the credential has exactly its user's rights.
        expect(
          effectivePermissions(catalog, undefined, acting).equals(
            admin ? PermissionSet.full(catalog) : roles,
          ),
        ).toBe(true);
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('a downgrade of the user never widens any credential', () => {
    fc.assert(
      fc.property(withThreeSets, ([catalog, granted, before, cut]) => {
        const after = before.minus(cut);
        const wasEffective = effectivePermissions(catalog, granted, user(before));
        const nowEffective = effectivePermissions(catalog, granted, user(after));
        expect(nowEffective.isSubsetOf(wasEffective)).toBe(true);
        // Losing organization admin is a downgrade too.
        expect(
          effectivePermissions(catalog, granted, user(before, false)).isSubsetOf(
            effectivePermissions(catalog, granted, user(before, true)),
          ),
        ).toBe(true);
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('an inactive or deleted user leaves its credentials with nothing', () => {
    fc.assert(
      fc.property(withTwoSets, fc.boolean(), ([catalog, granted, roles], admin) => {
        expect(effectivePermissions(catalog, granted, user(roles, admin, false)).isEmpty()).toBe(true);
        expect(effectivePermissions(catalog, granted, undefined).isEmpty()).toBe(true);
        expect(effectivePermissions(catalog, undefined, undefined).isEmpty()).toBe(true);
      }),
      { numRuns: propertyRuns(3 / 5) },
    );
  });
});
