/** The audit log's filters as the form holds them; empty means "any". */
export interface AuditFilters {
  actor: string;
  target: string;
  action: string;
  result: '' | 'success' | 'failure';
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone, as a datetime-local input gives it. */
  from: string;
  to: string;
}

export const noFilters: AuditFilters = { actor: '', target: '', action: '', result: '', from: '', to: '' };

/** The API's query for these filters: trimmed, local times read as instants in this browser's zone. */
export function auditQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['actor', 'target', 'action'] as const) {
    const value = filters[key].trim();
    if (value) query[key] = value;
  }
  if (filters.result) query.result = filters.result;
  for (const key of ['from', 'to'] as const) {
    if (filters[key]) query[key] = new Date(filters[key]).toISOString();
  }
  return query;
}
