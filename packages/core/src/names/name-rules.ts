/**
 * Naming rules shared by the REST schemas, the services and (later) the SQL language, so an object
 * created one way can always be addressed the other ways.
 */
export const maxObjectNameLength = 64;
export const objectNamePattern = `^[A-Za-z0-9_][A-Za-z0-9_.-]{0,${maxObjectNameLength - 1}}$`;
export const organizationNamePattern = '^[a-z0-9][a-z0-9-]{0,62}$';
export const maxDescriptionLength = 1024;

const objectName = new RegExp(objectNamePattern);
const organizationName = new RegExp(organizationNamePattern);

export function isObjectName(value: string): boolean {
  return objectName.test(value);
}

export function isOrganizationName(value: string): boolean {
  return organizationName.test(value);
}
