import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { isObjectName } from '@portcullis/core/names';
import { type Catalog, PermissionSet } from '@portcullis/core/permissions';
import { type FormEvent, useState } from 'react';
import { unwrap } from '../../../api/api-error';
import { api } from '../../../api/client';
import { RefusalAlert } from '../../../api/refusal-alert';
import { LeaveSecretQuestion } from '../../../components/leave-secret-question';
import { SecretOnce } from '../../../components/secret-once';
import { useSecretGuard } from '../../../components/use-secret-guard';
import { ValidToField } from '../../../components/valid-to-field';
import { defaultChoice, type ValidToChoice, validToRequest } from '../../../time/valid-to-choice';
import type { CreatedClientCredential } from './client-credential';
import { CredentialFields } from './credential-fields';
import { PermissionsField } from './permissions-field';

const nameRule = 'Use letters, digits, _ . and - (up to 64, not starting with . or -).';

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
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<CreatedClientCredential>();
  const guard = useSecretGuard(onClose);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validToRequest(validTo, maximumDays, Date.now());
    const nameProblem = isObjectName(name) ? undefined : nameRule;
    const formProblem =
      'problem' in checked
        ? checked.problem
        : permissions.isEmpty()
          ? 'Choose at least one permission: Read Only, Admin or cells of the matrix.'
          : undefined;
    setProblems({ name: nameProblem, form: formProblem });
    if (nameProblem || formProblem || !('request' in checked)) return;
    const { request } = checked;
    setPending(true);
    setError(undefined);
    try {
      const answer = unwrap(
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
      );
      setCreated(answer);
      onCreated();
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
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
        <Stack>
          {guard.asking ? <LeaveSecretQuestion onStay={guard.stay} onLeave={onClose} /> : null}
          <SecretOnce
            clientId={created.clientId}
            clientSecret={created.clientSecret}
            onCopied={guard.markCopied}
          />
          <Group justify="flex-end">
            <Button onClick={guard.requestClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
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
            {problems.form ? (
              <Alert color="red" role="alert">
                {problems.form}
              </Alert>
            ) : null}
            <RefusalAlert error={error} title="Could not create the credential" />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Create
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
