import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type Catalog, PermissionSet } from '@portcullis/core/permissions';
import { useState } from 'react';
import { unwrap } from '../../../api/api-error';
import { api } from '../../../api/client';
import { DialogForm } from '../../../components/dialog-form';
import { clientSecretShown } from '../../../components/shown-credentials';
import { ShownOnce } from '../../../components/shown-once';
import { useSecretGuard } from '../../../components/use-secret-guard';
import { ValidToField } from '../../../components/valid-to-field';
import { objectNameProblem } from '../../../names/object-name-problem';
import { defaultChoice, type ValidToChoice, validToRequest } from '../../../time/valid-to-choice';
import type { CreatedClientCredential } from './client-credential';
import { CredentialFields } from './credential-fields';
import { PermissionsField } from './permissions-field';

/**
 * FireTail's "Create New Client Credential": name, description, valid-to, permissions within the person's
 * own; then the client id and secret, once.
 */
export function CreateCredentialDialog({
  catalog,
  assignable,
  maximumDays,
  onCreated,
  onClose,
}: {
  catalog: Catalog;
  assignable: PermissionSet;
  maximumDays: number | null;
  onCreated: () => void;
  onClose: () => void;
}) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [validTo, setValidTo] = useState<ValidToChoice>(() => defaultChoice(maximumDays, Date.now()));
  const [permissions, setPermissions] = useState(() => PermissionSet.empty(catalog));
  const [problems, setProblems] = useState<{ name?: string; form?: string }>({});
  const [created, setCreated] = useState<CreatedClientCredential>();
  const guard = useSecretGuard(onClose);

  const submit = async () => {
    const checked = validToRequest(validTo, maximumDays, Date.now());
    const nameProblem = objectNameProblem(name);
    const formProblem =
      'problem' in checked
        ? checked.problem
        : permissions.isEmpty()
          ? 'Choose at least one permission: Read Only, Admin or cells of the matrix.'
          : undefined;
    setProblems({ name: nameProblem, form: formProblem });
    if (nameProblem || formProblem || !('request' in checked)) return;
    const { request } = checked;
    setCreated(
      unwrap(
        await api.POST('/api/v1/client-credentials', {
          body: {
            name,
            ...(description ? { description } : {}),
            permissions: permissions.items(),
            ...(request !== 'keep' && request.validTo !== null
              ? { validTo: request.validTo, timezone: request.timezone }
              : {}),
          },
        }),
      ),
    );
    onCreated();
  };

  return (
    <Modal
      opened
      onClose={created ? guard.requestClose : onClose}
      title={created ? `Client credential “${created.name}” created` : 'Create New Client Credential'}
      size="xl"
      fullScreen={narrow}
    >
      {created ? (
        <ShownOnce {...clientSecretShown(created)} guard={guard} />
      ) : (
        <DialogForm
          onSubmit={submit}
          onCancel={onClose}
          submitLabel="Create"
          refusalTitle="Could not create the credential"
          problem={problems.form}
          noValidate
        >
          <CredentialFields
            name={name}
            description={description}
            nameError={problems.name}
            onName={setName}
            onDescription={setDescription}
            autoFocus
          />
          <ValidToField value={validTo} onChange={setValidTo} maximumDays={maximumDays} now={Date.now()} />
          <PermissionsField
            catalog={catalog}
            value={permissions}
            onChange={setPermissions}
            assignable={assignable}
          />
        </DialogForm>
      )}
    </Modal>
  );
}
