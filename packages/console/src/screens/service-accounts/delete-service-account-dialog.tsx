import { Text } from '@mantine/core';
import { unwrap } from '../../api/api-error';
import type { ServiceAccount } from '../../api/api-types';
import { api } from '../../api/client';
import { RefusalAlert } from '../../api/refusal-alert';
import { ConfirmAction } from '../../components/confirm-action';
import { LinkedUsersRefusal, linkedUsersOf } from './linked-users-refusal';

/** Delete, confirmed; a refusal because users are linked lists them, each with a way to unlink it. */
export function DeleteServiceAccountDialog({
  serviceAccount,
  onClose,
  onChanged,
}: {
  serviceAccount: ServiceAccount | undefined;
  onClose(): void;
  /** The list changed (deleted, or a user unlinked on the way). */
  onChanged(): void;
}) {
  return (
    <ConfirmAction
      opened={Boolean(serviceAccount)}
      onClose={onClose}
      title={`Delete ${serviceAccount?.name ?? ''}?`}
      confirmLabel="Delete"
      danger
      onConfirm={async () => {
        if (!serviceAccount) return;
        unwrap(
          await api.DELETE('/api/v1/service-accounts/{id}', { params: { path: { id: serviceAccount.id } } }),
        );
        onChanged();
      }}
      renderRefusal={(error) => {
        const users = linkedUsersOf(error);
        return users ? (
          <LinkedUsersRefusal users={users} onUnlinked={onChanged} />
        ) : (
          <RefusalAlert error={error} />
        );
      }}
    >
      <Text size="sm">
        Its secrets stop working and its tokens are refused at once, through introspection and the revocation
        feed. This cannot be undone.
      </Text>
    </ConfirmAction>
  );
}
