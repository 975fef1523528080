import { PortcullisError } from '../errors/portcullis-error.js';

/**
 * What can be permitted: resources × actions. Resources come from configuration (the platform's own
 * categories) plus Portcullis's administrative resources; the actions are fixed (FireTail's six scopes).
 */
export const actions = ['create', 'delete', 'get', 'list', 'run', 'update'] as const;
export type Action = (typeof actions)[number];

export interface ResourceDefinition {
  id: string;
  name: string;
}

export interface Catalog {
  readonly resources: readonly ResourceDefinition[];
  readonly actions: readonly Action[];
  /** Position of each resource id; permission sets index bits by it. */
  readonly resourceIndex: ReadonlyMap<string, number>;
}

/** Platform resource ids: snake_case. They can never contain a dot, so they never meet ours. */
export const platformResourceIdPattern = /^[a-z][a-z0-9_]{0,62}$/;
export const adminResourcePrefix = 'portcullis.';

/** Portcullis's own administrative resources, in the same permission space as the platform's. */
export const adminResources: readonly ResourceDefinition[] = [
  { id: 'portcullis.organization', name: 'Organization settings' },
  { id: 'portcullis.accounts', name: 'Accounts' },
  { id: 'portcullis.logins', name: 'Logins' },
  { id: 'portcullis.users', name: 'Users' },
  { id: 'portcullis.roles', name: 'Roles' },
  { id: 'portcullis.service_accounts', name: 'Service accounts' },
  { id: 'portcullis.client_credentials', name: 'Client credentials' },
  { id: 'portcullis.network_policies', name: 'Network policies' },
  { id: 'portcullis.audit_log', name: 'Audit log' },
  // `run` lets a resource server introspect tokens and follow the revocation feed of its organization.
  { id: 'portcullis.introspection', name: 'Token introspection' },
];

/** FireTail's 25 resource categories: the built-in demo catalog. */
export const demoPlatformResources: readonly ResourceDefinition[] = [
  ['actions', 'Actions'],
  ['ai_models', 'AI Models'],
  ['ai_logs', 'AI Logs'],
  ['ai_messages', 'AI Messages'],
  ['ai_prompts', 'AI Prompts'],
  ['ai_services', 'AI Services'],
  ['alerting', 'Alerting'],
  ['api', 'API'],
  ['api_token', 'API Token'],
  ['application', 'Application'],
  ['application_token', 'Application Token'],
  ['authentication_provider', 'Authentication Provider'],
  ['events', 'Events'],
  ['filters', 'Filters'],
  ['findings', 'Findings'],
  ['incident_policies', 'Incident Policies'],
  ['incidents', 'Incidents'],
  ['integrations', 'Integrations'],
  ['traffic_log', 'Traffic Log'],
  ['notification_history', 'Notification History'],
  ['organization', 'Organization'],
  ['reporting', 'Reporting'],
  ['search', 'Search'],
  ['specifications', 'Specifications'],
  ['specification_version', 'Specification Version'],
].map(([id, name]) => ({ id: id!, name: name! }));

/** Thrown for a catalog that cannot be used; the message names every problem. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

/**
 * Builds a catalog from platform resources, checking every entry. Problems are collected and reported
 * together so an operator fixes the file once.
 */
export function buildCatalog(
  platformResources: readonly unknown[],
  declaredActions?: readonly unknown[],
): Catalog {
  const problems: string[] = [];
  if (declaredActions) {
    for (const action of declaredActions) {
      if (!(actions as readonly unknown[]).includes(action)) {
        problems.push(`unknown action "${String(action)}" (actions are ${actions.join(', ')})`);
      }
    }
  }
  const seen = new Set<string>();
  const resources: ResourceDefinition[] = [];
  platformResources.forEach((entry, position) => {
    const { id, name } = (entry ?? {}) as { id?: unknown; name?: unknown };
    if (typeof id !== 'string' || !platformResourceIdPattern.test(id)) {
      problems.push(`resource #${position + 1}: id must be snake_case (got ${JSON.stringify(id)})`);
      return;
    }
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push(`resource "${id}": name must be a non-empty string`);
      return;
    }
    if (seen.has(id)) problems.push(`resource "${id}" is named twice`);
    seen.add(id);
    resources.push({ id, name });
  });
  if (problems.length > 0) throw new CatalogError(problems.join('; '));
  const all = [...resources, ...adminResources];
  return {
    resources: all,
    actions,
    resourceIndex: new Map(all.map((r, i) => [r.id, i])),
  };
}

export const demoCatalog: Catalog = buildCatalog(demoPlatformResources);

export function unknownPermission(items: readonly string[]): PortcullisError {
  return new PortcullisError(
    'unknown_permission',
    `Unknown permission${items.length > 1 ? 's' : ''}: ${items.join(', ')}.`,
    {
      details: { items },
    },
  );
}
