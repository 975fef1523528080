import { unwrap } from '../../api/api-error';
import type { ServiceAccount } from '../../api/api-types';
import { api } from '../../api/client';
import { type BulkChange, BulkChangeDialog } from '../../components/bulk-change-dialog';
import { linkedUsersOf } from './linked-users-refusal';

const effects: Record<BulkChange, string> = {
  disable: 'Their tokens stop at once and they get no new ones. You can enable each again with Edit.',
  delete:
    'Their secrets stop working and their tokens are refused at once. Those with linked users are not deleted. This cannot be undone.',
};

async function apply(change: BulkChange, serviceAccount: ServiceAccount): Promise<void> {
  const params = { params: { path: { id: serviceAccount.id } } };
  if (change === 'delete') unwrap(await api.DELETE('/api/v1/service-accounts/{id}', params));
  else unwrap(await api.PATCH('/api/v1/service-accounts/{id}', { ...params, body: { enabled: false } }));
}

/** A delete refused for linked users names them: they are what the person has to unlink first. */
function reason(error: unknown) {
  const users = linkedUsersOf(error);
  if (!users) return error instanceof Error ? error.message : String(error);
  return `users are still linked to it (${users.map((u) => u.name).join(', ')}). Unlink them under Users, then delete it.`;
}

/** Disable or delete the selected service accounts, after a confirmation that lists them. */
export function ChangeServiceAccountsDialog({
  change,
  serviceAccounts,
  onDone,
  onClose,
}: {
  change: BulkChange;
  serviceAccounts: ServiceAccount[];
  onDone(): void;
  onClose(): void;
}) {
  return (
    <BulkChangeDialog
      change={change}
      items={serviceAccounts}
      noun={{ one: 'service account', many: 'service accounts' }}
      effect={effects[change]}
      apply={apply}
      reason={reason}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
