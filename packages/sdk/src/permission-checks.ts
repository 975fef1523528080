import { type Catalog, missingForSearch, PermissionSet } from '@portcullis/core/permissions';

/** What a route needs. `all`: every one; `any`: at least one; `search`: FireTail's search rule over these types. */
export interface Requirement {
  all?: readonly string[];
  any?: readonly string[];
  search?: readonly string[];
}

/** A list of permissions is `all` of them. */
export type RequirementInput = string | readonly string[] | Requirement;

export function requirementOf(input: RequirementInput | undefined): Requirement {
  if (input === undefined) return {};
  if (typeof input === 'string') return { all: [input] };
  if (Array.isArray(input)) return { all: input as readonly string[] };
  return input as Requirement;
}

export interface Shortfall {
  missing: string[];
  mode: 'all' | 'any';
}

/**
 * Portcullis's own permission rules (core's PermissionSet and search rule) applied to a token's scope, so
 * `*` means here exactly what it meant when the token was issued. A required permission the catalog does
 * not know throws `unknown_permission`: it is a typo in the route, not a refusal of the caller.
 */
export class PermissionChecks {
  private readonly required = new Map<string, PermissionSet>();
  private readonly scopes = new Map<string, PermissionSet>();

  constructor(readonly catalog: Catalog) {}

  /**
   * A token's `scope`; items naming resources this catalog lacks are dropped, as Portcullis drops them.
   * Parsed once per distinct text: every token of a credential carries the same one (sets are immutable).
   */
  held(scope: string): PermissionSet {
    let set = this.scopes.get(scope);
    if (!set) {
      set = PermissionSet.parseStored(this.catalog, scope);
      if (this.scopes.size >= 1_000) this.scopes.clear();
      this.scopes.set(scope, set);
    }
    return set;
  }

  private requiredSet(item: string): PermissionSet {
    let set = this.required.get(item);
    if (!set) {
      set = PermissionSet.parse(this.catalog, item);
      // Checks named from request data could grow this without end; keep the first ones, routes' fixed names.
      if (this.required.size < 10_000) this.required.set(item, set);
    }
    return set;
  }

  can(held: PermissionSet, resource: string, action: string): boolean {
    return this.requiredSet(`${resource}:${action}`).isSubsetOf(held);
  }

  /** Each required item the token lacks in full (for `incidents:*`, the actions on incidents it lacks). */
  missingAll(held: PermissionSet, items: readonly string[]): string[] {
    let missing: Set<string> | undefined;
    for (const item of items) {
      const required = this.requiredSet(item);
      // The usual answer, a permission held, allocates nothing.
      if (required.isSubsetOf(held)) continue;
      missing ??= new Set();
      for (const cell of required.minus(held).items()) missing.add(cell);
    }
    return missing ? [...missing] : [];
  }

  /** Empty when one item is held in full; else all of them, since any would do. */
  missingAny(held: PermissionSet, items: readonly string[]): string[] {
    if (items.length === 0) return [];
    return items.some((item) => this.requiredSet(item).isSubsetOf(held)) ? [] : [...items];
  }

  missingForSearch(held: PermissionSet, types: readonly string[]): string[] {
    return missingForSearch(held, types);
  }

  /** The first rule of `requirement` the token falls short of, or undefined when it meets them all. */
  shortfall(held: PermissionSet, requirement: Requirement): Shortfall | undefined {
    const all = requirement.all ? this.missingAll(held, requirement.all) : [];
    const search = requirement.search ? this.missingForSearch(held, requirement.search) : [];
    if (all.length > 0 || search.length > 0)
      return { missing: [...new Set([...all, ...search])], mode: 'all' };
    const any = requirement.any ? this.missingAny(held, requirement.any) : [];
    return any.length > 0 ? { missing: any, mode: 'any' } : undefined;
  }
}
