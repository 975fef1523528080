import { Modal, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { DialogForm } from './dialog-form';
import { clientSecretShown } from './shown-credentials';
import { ShownOnce } from './shown-once';
import { useSecretGuard } from './use-secret-guard';

export interface ClientSecret {
  clientId: string;
  clientSecret: string;
}

/** How long the previous secret may go on working, so what uses it can switch over (the API allows 7 days). */
const gracePeriods = [
  { value: '0', label: 'None: it stops at once', words: 'at once' },
  { value: '900', label: '15 minutes', words: 'in 15 minutes' },
  { value: '3600', label: '1 hour', words: 'in 1 hour' },
  { value: '86400', label: '1 day', words: 'in 1 day' },
  { value: '604800', label: '7 days', words: 'in 7 days' },
];

/**
 * Firebolt's "Create a new secret" for a service account or a client credential: what happens to the
 * previous secret first, then the new one, once, in the same dialog.
 */
export function NewSecretDialog({
  name,
  create,
  onCreated,
  onClose,
}: {
  /** What the secret belongs to, as the person knows it. */
  name: string;
  create(gracePeriodSeconds: number): Promise<ClientSecret>;
  onCreated?(): void;
  onClose(): void;
}) {
  const [grace, setGrace] = useState('0');
  const [secret, setSecret] = useState<ClientSecret>();
  const guard = useSecretGuard(onClose);
  const words = gracePeriods.find((period) => period.value === grace)?.words;

  return (
    <Modal
      opened
      onClose={secret ? guard.requestClose : onClose}
      title={secret ? `New secret for “${name}”` : `Create a new secret for “${name}”?`}
      size="lg"
    >
      {secret ? (
        <ShownOnce {...clientSecretShown(secret)} guard={guard} />
      ) : (
        <DialogForm
          onSubmit={async () => {
            setSecret(await create(Number(grace)));
            onCreated?.();
          }}
          onCancel={onClose}
          submitLabel="Create new secret"
          refusalTitle="Could not create a new secret"
        >
          <Text size="sm">
            The previous secret stops working {words}. Whatever still uses it is then refused at the token
            endpoint and must switch to the new secret, which is shown once.
          </Text>
          <Select
            label="Grace period for the previous secret"
            data={gracePeriods}
            value={grace}
            onChange={(value) => value && setGrace(value)}
            allowDeselect={false}
          />
        </DialogForm>
      )}
    </Modal>
  );
}
