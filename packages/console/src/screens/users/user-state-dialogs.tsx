import { Text } from '@mantine/core';
import { unwrap } from '../../api/api-error';
import type { User } from '../../api/api-types';
import { api } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';

export type UserChange = 'deactivate' | 'reactivate' | 'delete';

const wording: Record<UserChange, { title: string; confirm: string; text: string }> = {
  deactivate: {
    title: 'Deactivate',
    confirm: 'Deactivate',
    text: 'Every credential acting through it (its service account, its login’s client credentials and key pairs in this account) stops at once. Reactivating it later restores them.',
  },
  reactivate: {
    title: 'Reactivate',
    confirm: 'Reactivate',
    text: 'Credentials acting through it work again, with its roles as they are now.',
  },
  delete: {
    title: 'Delete',
    confirm: 'Delete',
    text: 'Credentials acting through it stop at once: a service account tied to it, and the personal credentials of its login in this account. This cannot be undone.',
  },
};

async function change(user: User, what: UserChange): Promise<void> {
  const path = { params: { path: { id: user.id } } };
  if (what === 'delete') unwrap(await api.DELETE('/api/v1/users/{id}', path));
  else unwrap(await api.PATCH('/api/v1/users/{id}', { ...path, body: { active: what === 'reactivate' } }));
}

/** Deactivate, reactivate or delete a user, each confirmed with what it does to the credentials. */
export function UserStateDialog({
  user,
  what,
  onClose,
  onChanged,
}: {
  user: User | undefined;
  what: UserChange;
  onClose(): void;
  onChanged(): void;
}) {
  const words = wording[what];
  return (
    <ConfirmAction
      opened={Boolean(user)}
      onClose={onClose}
      title={`${words.title} ${user?.name ?? ''}?`}
      confirmLabel={words.confirm}
      danger={what !== 'reactivate'}
      onConfirm={async () => {
        if (!user) return;
        await change(user, what);
        onChanged();
      }}
    >
      <Text size="sm">{words.text}</Text>
    </ConfirmAction>
  );
}
