import { Modal, Select, Switch, Textarea, TextInput } from '@mantine/core';
import { maxDescriptionLength } from '@portcullis/core/names';
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import type { NetworkPolicy, ServiceAccount } from '../../api/api-types';
import { api } from '../../api/client';
import { DialogForm } from '../../components/dialog-form';
import { ValidToField } from '../../components/valid-to-field';
import { objectNameProblem } from '../../names/object-name-problem';
import { validToText } from '../../time/expiry';
import { type ValidToChoice, validToRequest } from '../../time/valid-to-choice';

interface Draft {
  name: string;
  description: string;
  networkPolicyId: string | null;
  isOrganizationAdmin: boolean;
  enabled: boolean;
  validTo: ValidToChoice;
}

function draftOf(sa: ServiceAccount | undefined): Draft {
  return {
    name: sa?.name ?? '',
    description: sa?.description ?? '',
    networkPolicyId: sa?.networkPolicyId ?? null,
    isOrganizationAdmin: sa?.isOrganizationAdmin ?? false,
    enabled: sa?.enabled ?? true,
    // Service accounts are not bound by the organization's maximum lifetime: no expiry unless chosen.
    validTo: sa ? { kind: 'keep' } : { kind: 'never' },
  };
}

/** The valid-to as it is, in the zone it was entered in, for the "keep" choice. */
function currentValidTo(sa: ServiceAccount): string {
  const shown = validToText(sa);
  return shown ? `until ${shown.time} (${shown.zone})` : 'without expiry';
}

/** The valid-to fields of a request, by the same rules the server applies; a problem blocks the request. */
type ValidToFields = { validTo?: string | null; timezone?: string };

function validToFieldsOf(choice: ValidToChoice): { fields: ValidToFields } | { problem: string } {
  const checked = validToRequest(choice, null, Date.now());
  if ('problem' in checked) return { problem: checked.problem };
  const { request } = checked;
  if (request === 'keep') return { fields: {} };
  return { fields: request.validTo === null ? { validTo: null } : request };
}

/** Only what changed goes in an edit, so an untouched valid-to keeps its zone and seconds. */
function patchOf(before: Draft, after: Draft, validTo: ValidToFields) {
  return {
    ...(before.name !== after.name ? { name: after.name } : {}),
    ...(before.description !== after.description ? { description: after.description } : {}),
    ...(before.networkPolicyId !== after.networkPolicyId ? { networkPolicyId: after.networkPolicyId } : {}),
    ...(before.isOrganizationAdmin !== after.isOrganizationAdmin
      ? { isOrganizationAdmin: after.isOrganizationAdmin }
      : {}),
    ...(before.enabled !== after.enabled ? { enabled: after.enabled } : {}),
    ...validTo,
  };
}

export interface ServiceAccountDialogProps {
  opened: boolean;
  /** The one being edited; undefined creates a new one. */
  editing: ServiceAccount | undefined;
  /** Undefined when the person may not list them: the select is then left out. */
  policies: NetworkPolicy[] | undefined;
  /** Only organization admins may make an organization-admin service account. */
  mayMakeAdmin: boolean;
  onClose(): void;
  onSaved(serviceAccount: ServiceAccount, created: boolean): void;
}

/** Firebolt's "Create service account" and its Edit: name, description, network policy, admin, valid-to. */
export function ServiceAccountDialog({ opened, editing, onClose, ...form }: ServiceAccountDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? `Edit ${editing.name}` : 'Create service account'}
      size="lg"
    >
      <ServiceAccountForm editing={editing} onCancel={onClose} {...form} />
    </Modal>
  );
}

/** Inside the dialog, so each opening starts from the service account as it is (or an empty one). */
function ServiceAccountForm({
  editing,
  policies,
  mayMakeAdmin,
  onCancel,
  onSaved,
}: Omit<ServiceAccountDialogProps, 'opened' | 'onClose'> & { onCancel(): void }) {
  const [draft, setDraft] = useState(() => draftOf(editing));
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const nameProblem = draft.name ? objectNameProblem(draft.name) : undefined;
  const validTo = validToFieldsOf(draft.validTo);
  const blocked = !draft.name || Boolean(nameProblem) || 'problem' in validTo;

  const submit = async () => {
    if (!('fields' in validTo)) return;
    const { validTo: until, timezone } = validTo.fields;
    const saved = editing
      ? unwrap(
          await api.PATCH('/api/v1/service-accounts/{id}', {
            params: { path: { id: editing.id } },
            body: patchOf(draftOf(editing), draft, validTo.fields),
          }),
        )
      : unwrap(
          await api.POST('/api/v1/service-accounts', {
            body: {
              name: draft.name,
              ...(draft.description ? { description: draft.description } : {}),
              ...(draft.networkPolicyId ? { networkPolicyId: draft.networkPolicyId } : {}),
              ...(draft.isOrganizationAdmin ? { isOrganizationAdmin: true } : {}),
              ...(until ? { validTo: until, timezone } : {}),
            },
          }),
        );
    onSaved(saved, !editing);
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={editing ? 'Save' : 'Create'}
      disabled={blocked}
    >
      <TextInput
        label="Name"
        description="Unique in the organization."
        value={draft.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={nameProblem}
        required
        data-autofocus
      />
      <Textarea
        label="Description"
        value={draft.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        maxLength={maxDescriptionLength}
        autosize
        minRows={2}
      />
      {policies ? (
        <Select
          label="Network policy"
          description={
            policies.length === 0
              ? 'No network policies yet: create one under Network policies to restrict where it may connect from.'
              : 'Where it may connect from, besides the organization’s own policy.'
          }
          placeholder="None"
          data={policies.map((p) => ({ value: p.id, label: p.name }))}
          value={draft.networkPolicyId}
          onChange={(value) => set({ networkPolicyId: value })}
          clearable
          searchable
        />
      ) : null}
      {mayMakeAdmin ? (
        <Switch
          label="Organization admin"
          description="It may do everything in every account of the organization, whatever its users' roles."
          checked={draft.isOrganizationAdmin}
          onChange={(e) => set({ isOrganizationAdmin: e.currentTarget.checked })}
        />
      ) : null}
      {editing ? (
        <Switch
          label="Enabled"
          description="Disabling it stops its tokens at once."
          checked={draft.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
      ) : null}
      <ValidToField
        value={draft.validTo}
        onChange={(choice) => set({ validTo: choice })}
        maximumDays={null}
        now={Date.now()}
        current={editing ? currentValidTo(editing) : undefined}
      />
    </DialogForm>
  );
}
