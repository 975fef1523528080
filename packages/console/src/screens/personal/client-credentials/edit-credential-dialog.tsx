import { Modal, Switch, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Catalog, PermissionSet } from '@portcullis/core/permissions';
import { useState } from 'react';
import { unwrap } from '../../../api/api-error';
import { api } from '../../../api/client';
import { DialogForm } from '../../../components/dialog-form';
import { ValidToField } from '../../../components/valid-to-field';
import { objectNameProblem } from '../../../names/object-name-problem';
import { countPermissions } from '../../../permissions/describe-permissions';
import { validToText } from '../../../time/expiry';
import { type ValidToChoice, validToRequest } from '../../../time/valid-to-choice';
import type { CredentialPatch, CredentialRow } from './client-credential';
import { CredentialFields } from './credential-fields';
import { PermissionsField } from './permissions-field';

/**
 * Firebolt's Edit: only what the person changed is sent. New permissions are a new grant, so they must lie
 * within what the person holds now; cells granted earlier that they no longer hold are dropped then, and
 * the dialog says so before saving.
 */
export function EditCredentialDialog({
  credential,
  catalog,
  assignable,
  maximumDays,
  onSaved,
  onClose,
}: {
  credential: CredentialRow;
  catalog: Catalog;
  assignable: PermissionSet;
  maximumDays: number | null;
  onSaved: () => void;
  onClose: () => void;
}) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const [name, setName] = useState(credential.name);
  const [description, setDescription] = useState(credential.description);
  const [enabled, setEnabled] = useState(credential.enabled);
  const [validTo, setValidTo] = useState<ValidToChoice>({ kind: 'keep' });
  const [permissions, setPermissions] = useState(credential.granted);
  const [problems, setProblems] = useState<{ name?: string; form?: string }>({});
  const current = validToText(credential);
  const permissionsChanged = !permissions.equals(credential.granted);
  const dropped = countPermissions(permissions.minus(assignable));

  const submit = async () => {
    const checked = validToRequest(validTo, maximumDays, Date.now());
    const next = permissions.intersect(assignable);
    const nameProblem = objectNameProblem(name);
    const formProblem =
      'problem' in checked
        ? checked.problem
        : permissionsChanged && next.isEmpty()
          ? 'Choose at least one permission you hold.'
          : undefined;
    setProblems({ name: nameProblem, form: formProblem });
    if (nameProblem || formProblem || !('request' in checked)) return;
    const body: CredentialPatch = {
      ...(name === credential.name ? {} : { name }),
      ...(description === credential.description ? {} : { description }),
      ...(enabled === credential.enabled ? {} : { enabled }),
      ...(checked.request === 'keep' ? {} : checked.request),
      ...(permissionsChanged ? { permissions: next.items() } : {}),
    };
    if (Object.keys(body).length > 0) {
      unwrap(
        await api.PATCH('/api/v1/client-credentials/{id}', { params: { path: { id: credential.id } }, body }),
      );
      onSaved();
    }
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={`Edit “${credential.name}”`} size="xl" fullScreen={narrow}>
      <DialogForm
        onSubmit={submit}
        onCancel={onClose}
        submitLabel="Save"
        refusalTitle="Could not save the credential"
        problem={problems.form}
        noValidate
      >
        <CredentialFields
          name={name}
          description={description}
          nameError={problems.name}
          onName={setName}
          onDescription={setDescription}
        />
        <Switch
          label="Enabled"
          description="A disabled credential gets no tokens and its tokens stop at once."
          checked={enabled}
          onChange={(event) => setEnabled(event.currentTarget.checked)}
        />
        <ValidToField
          value={validTo}
          onChange={setValidTo}
          maximumDays={maximumDays}
          now={Date.now()}
          current={current ? `until ${current.time} (${current.zone})` : 'without expiry'}
        />
        <PermissionsField
          catalog={catalog}
          value={permissions}
          onChange={setPermissions}
          assignable={assignable}
        />
        {permissionsChanged && dropped > 0 ? (
          <Text size="sm">
            {dropped} permission{dropped === 1 ? '' : 's'} granted earlier you no longer hold will be dropped
            when you save.
          </Text>
        ) : null}
      </DialogForm>
    </Modal>
  );
}
