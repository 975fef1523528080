import { Fieldset, Modal, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import { isOrganizationName } from '@portcullis/core/names';
import { minPasswordLength, newPasswordProblem } from '@portcullis/core/passwords';
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import type { OrganizationRow } from '../../api/api-types';
import { api } from '../../api/client';
import { DialogForm } from '../../components/dialog-form';

interface Draft {
  name: string;
  displayName: string;
  available: boolean;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
}

const emptyDraft: Draft = {
  name: '',
  displayName: '',
  available: false,
  adminName: '',
  adminEmail: '',
  adminPassword: '',
};

/** The operator's "new customer": an organization and its first organization admin, made together. */
export function CreateOrganizationDialog({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose(): void;
  onCreated(organization: OrganizationRow, adminEmail: string): void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create organization" size="lg">
      <CreateOrganizationForm onCancel={onClose} onCreated={onCreated} />
    </Modal>
  );
}

/** Inside the dialog, so each opening starts from an empty form. */
function CreateOrganizationForm({
  onCancel,
  onCreated,
}: {
  onCancel(): void;
  onCreated(organization: OrganizationRow, adminEmail: string): void;
}) {
  const [draft, setDraft] = useState(emptyDraft);
  const set = <Field extends keyof Draft>(field: Field, value: Draft[Field]) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const nameProblem =
    draft.name && !isOrganizationName(draft.name)
      ? 'Lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters'
      : undefined;
  const passwordProblem = draft.adminPassword ? newPasswordProblem(draft.adminPassword) : undefined;

  const submit = async () => {
    if (nameProblem || passwordProblem) return;
    const created = unwrap(
      await api.POST('/api/v1/organizations', {
        body: {
          name: draft.name,
          ...(draft.displayName.trim() ? { displayName: draft.displayName.trim() } : {}),
          programmaticAccessAvailable: draft.available,
          admin: { name: draft.adminName, email: draft.adminEmail, password: draft.adminPassword },
        },
      }),
    );
    onCreated(created, draft.adminEmail);
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel="Create organization"
      refusalTitle="The organization was not created"
    >
      <TextInput
        label="Name"
        description="Lowercase letters, digits and hyphens; it cannot be changed later."
        value={draft.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={nameProblem}
        required
        data-autofocus
      />
      <TextInput
        label="Display name"
        description="What its people see. Empty: the name."
        value={draft.displayName}
        onChange={(event) => set('displayName', event.currentTarget.value)}
        maxLength={128}
      />
      <Switch
        label="Make programmatic access available"
        description="Its admins may then switch programmatic access on. You can change this later in the list."
        checked={draft.available}
        onChange={(event) => set('available', event.currentTarget.checked)}
      />
      <Fieldset legend="First organization admin">
        <Stack gap="sm">
          <TextInput
            label="Admin name"
            value={draft.adminName}
            onChange={(event) => set('adminName', event.currentTarget.value)}
            maxLength={128}
            required
          />
          <TextInput
            label="Admin email"
            description="They sign in with it."
            type="email"
            value={draft.adminEmail}
            onChange={(event) => set('adminEmail', event.currentTarget.value)}
            autoComplete="off"
            required
          />
          <PasswordInput
            label="Admin password"
            description={`At least ${minPasswordLength} characters. Pass it on safely; they can change it once signed in.`}
            value={draft.adminPassword}
            onChange={(event) => set('adminPassword', event.currentTarget.value)}
            error={passwordProblem ? `The password ${passwordProblem.message}` : undefined}
            autoComplete="new-password"
            required
          />
        </Stack>
      </Fieldset>
    </DialogForm>
  );
}
