import { unwrap } from '../../../api/api-error';
import { api } from '../../../api/client';
import { type BulkChange, BulkChangeDialog } from '../../../components/bulk-change-dialog';
import type { CredentialRow } from './client-credential';

const effects: Record<BulkChange, string> = {
  disable:
    'They get no more tokens and the tokens they hold stop at once. You can enable them again with Edit.',
  delete: 'They stop at once, with their tokens and secrets. This cannot be undone.',
};

async function apply(change: BulkChange, credential: CredentialRow): Promise<void> {
  const params = { params: { path: { id: credential.id } } };
  if (change === 'delete') unwrap(await api.DELETE('/api/v1/client-credentials/{id}', params));
  else unwrap(await api.PATCH('/api/v1/client-credentials/{id}', { ...params, body: { enabled: false } }));
}

/** Disable or delete one credential or a selection, after a confirmation that lists them. */
export function ChangeCredentialsDialog({
  change,
  credentials,
  onDone,
  onClose,
}: {
  change: BulkChange;
  credentials: CredentialRow[];
  onDone: () => void;
  onClose: () => void;
}) {
  return (
    <BulkChangeDialog
      change={change}
      items={credentials}
      noun={{ one: 'credential', many: 'credentials' }}
      effect={effects[change]}
      apply={apply}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
