import { Modal, MultiSelect, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import type { User } from '../../api/api-types';
import { api } from '../../api/client';
import { DialogForm } from '../../components/dialog-form';
import { objectNameProblem } from '../../names/object-name-problem';
import { linkableServiceAccounts, type UsersData } from './users-data';

interface Draft {
  name: string;
  accountId: string;
  defaultDatabase: string;
  defaultEngine: string;
  roleIds: string[];
  associate: boolean;
  serviceAccountId: string | null;
}

function draftOf(user: User | undefined, data: UsersData): Draft {
  return {
    name: user?.name ?? '',
    accountId: user?.accountId ?? data.accounts.find((a) => a.isDefault)?.id ?? data.accounts[0]?.id ?? '',
    defaultDatabase: user?.defaultDatabase ?? '',
    defaultEngine: user?.defaultEngine ?? '',
    roleIds: user?.roleIds ?? [],
    associate: Boolean(user?.serviceAccountId),
    serviceAccountId: user?.serviceAccountId ?? null,
  };
}

async function createUser(draft: Draft): Promise<User> {
  return unwrap(
    await api.POST('/api/v1/users', {
      body: {
        name: draft.name,
        accountId: draft.accountId,
        roleIds: draft.roleIds,
        ...(draft.defaultDatabase ? { defaultDatabase: draft.defaultDatabase } : {}),
        ...(draft.defaultEngine ? { defaultEngine: draft.defaultEngine } : {}),
        ...(draft.associate && draft.serviceAccountId ? { serviceAccountId: draft.serviceAccountId } : {}),
      },
    }),
  );
}

/** The fields that changed, then each role granted or revoked: the API has a call for each. */
async function editUser(user: User, draft: Draft): Promise<void> {
  const id = { params: { path: { id: user.id } } };
  const serviceAccountId = draft.associate ? draft.serviceAccountId : null;
  const patch = {
    ...(draft.name !== user.name ? { name: draft.name } : {}),
    ...(draft.defaultDatabase !== (user.defaultDatabase ?? '')
      ? { defaultDatabase: draft.defaultDatabase || null }
      : {}),
    ...(draft.defaultEngine !== (user.defaultEngine ?? '')
      ? { defaultEngine: draft.defaultEngine || null }
      : {}),
    ...(!user.loginId && serviceAccountId !== user.serviceAccountId ? { serviceAccountId } : {}),
  };
  if (Object.keys(patch).length > 0) unwrap(await api.PATCH('/api/v1/users/{id}', { ...id, body: patch }));
  for (const roleId of draft.roleIds.filter((r) => !user.roleIds.includes(r))) {
    unwrap(await api.PUT('/api/v1/users/{id}/roles/{roleId}', { params: { path: { id: user.id, roleId } } }));
  }
  for (const roleId of user.roleIds.filter((r) => !draft.roleIds.includes(r))) {
    unwrap(
      await api.DELETE('/api/v1/users/{id}/roles/{roleId}', { params: { path: { id: user.id, roleId } } }),
    );
  }
}

export interface UserDialogProps {
  opened: boolean;
  /** The user being edited; undefined creates one. */
  editing: User | undefined;
  data: UsersData;
  onClose(): void;
  onSaved(name: string): void;
}

/**
 * Firebolt's "Create user" and its edit: name, account, default database and engine, roles, and the
 * "Associate a service account" switch, offering only service accounts not yet linked in that account.
 */
export function UserDialog({ opened, editing, onClose, ...form }: UserDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? `Edit ${editing.name}` : 'Create user'}
      size="lg"
    >
      <UserForm editing={editing} onCancel={onClose} {...form} />
    </Modal>
  );
}

/** Inside the dialog, so each opening starts from the user as it is (or an empty one). */
function UserForm({
  editing,
  data,
  onCancel,
  onSaved,
}: Omit<UserDialogProps, 'opened' | 'onClose'> & { onCancel(): void }) {
  const [draft, setDraft] = useState(() => draftOf(editing, data));
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const linkable = linkableServiceAccounts(data, draft.accountId, editing?.serviceAccountId);
  const nameProblem = draft.name ? objectNameProblem(draft.name) : undefined;
  const blocked = !draft.name || Boolean(nameProblem) || (draft.associate && !draft.serviceAccountId);

  const submit = async () => {
    if (editing) await editUser(editing, draft);
    else await createUser(draft);
    onSaved(draft.name);
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={editing ? 'Save' : 'Create user'}
      disabled={blocked}
    >
      <TextInput
        label="Name"
        description="Unique in its account."
        value={draft.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={nameProblem}
        required
        data-autofocus
      />
      <Select
        label="Account"
        description={
          editing ? 'A user stays in the account it was made in.' : 'The account the user acts in.'
        }
        data={data.accounts.map((a) => ({
          value: a.id,
          label: a.isDefault ? `${a.name} (default)` : a.name,
        }))}
        value={draft.accountId}
        onChange={(accountId) => set({ accountId: accountId ?? draft.accountId, serviceAccountId: null })}
        allowDeselect={false}
        disabled={Boolean(editing)}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label="Default database"
          value={draft.defaultDatabase}
          onChange={(e) => set({ defaultDatabase: e.currentTarget.value })}
          maxLength={256}
        />
        <TextInput
          label="Default engine"
          value={draft.defaultEngine}
          onChange={(e) => set({ defaultEngine: e.currentTarget.value })}
          maxLength={256}
        />
      </SimpleGrid>
      <MultiSelect
        label="Roles"
        description="What the user, and every credential acting through it, may do in the account."
        data={data.roles.map((r) => ({ value: r.id, label: r.name }))}
        value={draft.roleIds}
        onChange={(roleIds) => set({ roleIds })}
        searchable
        clearable
      />
      {editing?.loginId ? null : (
        <>
          <Switch
            label="Associate a service account"
            description="The service account then acts as this user, with exactly its roles."
            checked={draft.associate}
            onChange={(e) => set({ associate: e.currentTarget.checked })}
            disabled={!data.serviceAccounts}
          />
          {draft.associate ? (
            <Select
              label="Service account"
              description={
                linkable.length === 0
                  ? 'Every service account already has a user in this account; create another under Service accounts.'
                  : 'Only service accounts with no user in this account yet.'
              }
              placeholder="Choose a service account"
              data={linkable.map((sa) => ({ value: sa.id, label: sa.name }))}
              value={draft.serviceAccountId}
              onChange={(serviceAccountId) => set({ serviceAccountId })}
              searchable
              required
            />
          ) : null}
        </>
      )}
    </DialogForm>
  );
}
