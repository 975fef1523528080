import { type Action, actions, type Catalog, unknownPermission } from './catalog.js';

/**
 * A set of `resource:action` permissions as a bitset: 8 bits per resource (6 used, one per action), so four
 * resources share a 32-bit word. `has` is one shift and mask; intersection, union and subset are one
 * operation per word (about ten words for the demo catalog). Sets are immutable.
 */
const bitsPerResource = 8;
const resourcesPerWord = 32 / bitsPerResource;
const fullRow = (1 << actions.length) - 1;
const actionIndex: ReadonlyMap<string, number> = new Map(actions.map((a, i) => [a, i]));

const fullWordsByCatalog = new WeakMap<Catalog, Uint32Array>();

function wordCount(catalog: Catalog): number {
  return Math.ceil(catalog.resources.length / resourcesPerWord);
}

function fullWords(catalog: Catalog): Uint32Array {
  let words = fullWordsByCatalog.get(catalog);
  if (!words) {
    words = new Uint32Array(wordCount(catalog));
    for (let r = 0; r < catalog.resources.length; r++) {
      words[r >> 2]! |= fullRow << ((r & 3) * bitsPerResource);
    }
    fullWordsByCatalog.set(catalog, words);
  }
  return words;
}

export class PermissionSet {
  private formatted: string | undefined;

  private constructor(
    readonly catalog: Catalog,
    private readonly words: Uint32Array,
  ) {}

  static empty(catalog: Catalog): PermissionSet {
    return new PermissionSet(catalog, new Uint32Array(wordCount(catalog)));
  }

  static full(catalog: Catalog): PermissionSet {
    return new PermissionSet(catalog, fullWords(catalog).slice());
  }

  /**
   * Parses `resource:action` items separated by spaces or commas; `*` stands for every resource or every
   * action. Every unknown item is reported at once (`unknown_permission`).
   */
  static parse(catalog: Catalog, text: string | readonly string[]): PermissionSet {
    const { set, unknown } = PermissionSet.parseCollecting(catalog, text);
    if (unknown.length > 0) throw unknownPermission(unknown);
    return set;
  }

  /**
   * For sets stored before the catalog changed: items naming resources the catalog no longer has are
   * dropped rather than refused, so removing a resource from the catalog revokes it everywhere.
   */
  static parseStored(catalog: Catalog, text: string): PermissionSet {
    return PermissionSet.parseCollecting(catalog, text).set;
  }

  private static parseCollecting(catalog: Catalog, text: string | readonly string[]) {
    const items = typeof text === 'string' ? text.split(/[\s,]+/) : text;
    const words = new Uint32Array(wordCount(catalog));
    const unknown: string[] = [];
    for (const raw of items) {
      const item = raw.trim();
      if (item === '') continue;
      const colon = item.indexOf(':');
      const resource = colon < 0 ? item : item.slice(0, colon);
      const action = colon < 0 ? '' : item.slice(colon + 1);
      const r = resource === '*' ? -1 : (catalog.resourceIndex.get(resource) ?? -2);
      const a = action === '*' ? -1 : (actionIndex.get(action) ?? -2);
      if (r === -2 || a === -2) {
        unknown.push(item);
        continue;
      }
      const rowMask = a === -1 ? fullRow : 1 << a;
      const from = r === -1 ? 0 : r;
      const to = r === -1 ? catalog.resources.length : r + 1;
      for (let i = from; i < to; i++) words[i >> 2]! |= rowMask << ((i & 3) * bitsPerResource);
    }
    return { set: new PermissionSet(catalog, words), unknown };
  }

  has(resource: string, action: Action | string): boolean {
    const r = this.catalog.resourceIndex.get(resource);
    const a = actionIndex.get(action);
    if (r === undefined || a === undefined) return false;
    return this.hasIndex(r, a);
  }

  hasIndex(resource: number, action: number): boolean {
    return ((this.words[resource >> 2]! >>> ((resource & 3) * bitsPerResource + action)) & 1) === 1;
  }

  intersect(other: PermissionSet): PermissionSet {
    const out = new Uint32Array(this.words.length);
    for (let i = 0; i < out.length; i++) out[i] = this.words[i]! & other.words[i]!;
    return new PermissionSet(this.catalog, out);
  }

  union(other: PermissionSet): PermissionSet {
    const out = new Uint32Array(this.words.length);
    for (let i = 0; i < out.length; i++) out[i] = this.words[i]! | other.words[i]!;
    return new PermissionSet(this.catalog, out);
  }

  /** What this set has that `other` lacks. */
  minus(other: PermissionSet): PermissionSet {
    const out = new Uint32Array(this.words.length);
    for (let i = 0; i < out.length; i++) out[i] = this.words[i]! & ~other.words[i]!;
    return new PermissionSet(this.catalog, out);
  }

  isSubsetOf(other: PermissionSet): boolean {
    for (let i = 0; i < this.words.length; i++) {
      if ((this.words[i]! & ~other.words[i]!) !== 0) return false;
    }
    return true;
  }

  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  equals(other: PermissionSet): boolean {
    return this.isSubsetOf(other) && other.isSubsetOf(this);
  }

  private row(resource: number): number {
    return (this.words[resource >> 2]! >>> ((resource & 3) * bitsPerResource)) & fullRow;
  }

  /**
   * The canonical form: the shortest list of items that means this set. `*:*` for everything; otherwise
   * `*:action` for each action every resource has, then per resource `resource:*` when it has every
   * action, else its remaining single items — in catalog and action order, so equal sets format equally.
   */
  items(): string[] {
    const { resources } = this.catalog;
    const full = fullWords(this.catalog);
    if (this.words.every((w, i) => w === full[i])) return ['*:*'];
    const items: string[] = [];
    let columns = 0;
    actions.forEach((action, a) => {
      let everywhere = resources.length > 0;
      for (let r = 0; r < resources.length && everywhere; r++) everywhere = this.hasIndex(r, a);
      if (everywhere) {
        columns |= 1 << a;
        items.push(`*:${action}`);
      }
    });
    for (let r = 0; r < resources.length; r++) {
      const row = this.row(r);
      const remaining = row & ~columns;
      if (remaining === 0) continue;
      const id = resources[r]!.id;
      if (row === fullRow) {
        items.push(`${id}:*`);
        continue;
      }
      actions.forEach((action, a) => {
        if (remaining & (1 << a)) items.push(`${id}:${action}`);
      });
    }
    return items;
  }

  /**
   * Canonical text: items joined by single spaces (the OAuth `scope` syntax). Kept once made: a set never
   * changes, and the token endpoint formats the same cached effective set for every token.
   */
  format(): string {
    this.formatted ??= this.items().join(' ');
    return this.formatted;
  }

  /** Every single `resource:action` cell in the set, expanded. */
  cells(): string[] {
    const out: string[] = [];
    this.catalog.resources.forEach((resource, r) => {
      actions.forEach((action, a) => {
        if (this.hasIndex(r, a)) out.push(`${resource.id}:${action}`);
      });
    });
    return out;
  }
}
