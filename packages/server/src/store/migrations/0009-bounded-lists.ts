import type { Kysely } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // Every list reads its parent's rows in id order, a page at a time after a cursor (decision 0019): each
  // gets an index that holds them in that order, so a page reads its own rows and sorts nothing.
  const byId: [table: string, index: string, parent: string[]][] = [
    ['accounts', 'accounts_org_id', ['organization_id']],
    ['logins', 'logins_org_id', ['organization_id']],
    ['users', 'users_org_id', ['organization_id']],
    ['roles', 'roles_org_id', ['organization_id']],
    ['network_policies', 'network_policies_org_id', ['organization_id']],
    ['service_accounts', 'service_accounts_org_kind_id', ['organization_id', 'kind']],
    ['service_accounts', 'service_accounts_owner_kind_id', ['organization_id', 'owner_user_id', 'kind']],
    ['service_account_secrets', 'secrets_service_account_id', ['service_account_id']],
    // Audit events: the id's time part is the moment the event occurred (core's newIdAt), so id order is
    // time order and a time range is an id range. One index per filter a page can be driven by.
    ['audit_events', 'audit_events_org_id', ['organization_id']],
    ['audit_events', 'audit_events_org_actor_id', ['organization_id', 'actor_id']],
    ['audit_events', 'audit_events_org_target_id', ['organization_id', 'target_id']],
    ['audit_events', 'audit_events_org_action_id', ['organization_id', 'action']],
    ['audit_events', 'audit_events_org_result_id', ['organization_id', 'result']],
  ];
  for (const [table, index, parent] of byId) {
    await db.schema
      .createIndex(index)
      .on(table)
      .columns([...parent, 'id'])
      .execute();
  }
  await db.schema
    .createIndex('service_accounts_org_kind_name_id')
    .on('service_accounts')
    .columns(['organization_id', 'kind', 'name', 'id'])
    .execute();

  // Their leading columns now lead an index above, which serves every lookup these served.
  for (const index of ['logins_organization', 'secrets_service_account']) {
    await db.schema.dropIndex(index).execute();
  }
  // Ordered by time, not id, these left every audit page to sort the organization's whole log.
  for (const index of ['audit_events_org_time', 'audit_events_org_action']) {
    await db.schema.dropIndex(index).execute();
  }
}
