import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { unwrap } from '../../../api/api-error';
import { api } from '../../../api/client';
import { RefusalAlert } from '../../../api/refusal-alert';
import { LeaveSecretQuestion } from '../../../components/leave-secret-question';
import { SecretOnce } from '../../../components/secret-once';
import { useSecretGuard } from '../../../components/use-secret-guard';
import type { CredentialRow, NewSecret } from './client-credential';

/** How long the previous secret may go on working, so what uses it can switch over (the API allows 7 days). */
const gracePeriods = [
  { value: '0', label: 'None: it stops at once', words: 'at once' },
  { value: '900', label: '15 minutes', words: 'in 15 minutes' },
  { value: '3600', label: '1 hour', words: 'in 1 hour' },
  { value: '86400', label: '1 day', words: 'in 1 day' },
  { value: '604800', label: '7 days', words: 'in 7 days' },
];

/** Firebolt's "Create a new secret": what happens to the previous one first, then the new one, once. */
export function NewSecretDialog({ credential, onClose }: { credential: CredentialRow; onClose: () => void }) {
  const [grace, setGrace] = useState('0');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [secret, setSecret] = useState<NewSecret>();
  const guard = useSecretGuard(onClose);
  const words = gracePeriods.find((period) => period.value === grace)?.words;

  const create = async () => {
    setPending(true);
    setError(undefined);
    try {
      setSecret(
        unwrap(
          await api.POST('/api/v1/client-credentials/{id}/secrets', {
            params: { path: { id: credential.id } },
            body: { gracePeriodSeconds: Number(grace) },
          }),
        ),
      );
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      opened
      onClose={secret ? guard.requestClose : onClose}
      title={secret ? `New secret for “${credential.name}”` : `Create a new secret for “${credential.name}”?`}
      size="lg"
    >
      {secret ? (
        <Stack>
          {guard.asking ? <LeaveSecretQuestion onStay={guard.stay} onLeave={onClose} /> : null}
          <SecretOnce
            clientId={secret.clientId}
            clientSecret={secret.clientSecret}
            onCopied={guard.markCopied}
          />
          <Group justify="flex-end">
            <Button onClick={guard.requestClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">
            The previous secret stops working {words}. Whatever uses it must switch to the new secret, which
            is shown once.
          </Text>
          <Select
            label="Grace period for the previous secret"
            data={gracePeriods}
            value={grace}
            onChange={(value) => value && setGrace(value)}
            allowDeselect={false}
          />
          <RefusalAlert error={error} title="Could not create a new secret" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button loading={pending} onClick={() => void create()}>
              Create new secret
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
