import { demoCatalog, PermissionSet } from '@portcullis/core/permissions';

/**
 * What a token's `scope` means, in canonical form. The claim also spells platform permissions out for
 * standard libraries (decision 0026), so tests about *which* permissions compare this.
 */
export function canonicalScope(scope: string): string {
  return PermissionSet.parse(demoCatalog, scope).format();
}
