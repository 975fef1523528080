import type { Catalog } from './catalog.js';
import { PermissionSet } from './permission-set.js';

/** The two presets of FireTail's credential dialog, expanded from whatever the catalog holds. */
export const presets = {
  admin: (catalog: Catalog) => PermissionSet.full(catalog),
  read_only: (catalog: Catalog) => PermissionSet.parse(catalog, '*:get *:list'),
} as const;

export type PresetName = keyof typeof presets;
