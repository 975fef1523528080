import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import type { ServiceAccount } from '../../api/api-types';
import { api } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';

export interface GeneratedSecret {
  clientId: string;
  clientSecret: string;
}

/** How long the previous secret keeps working, so an integration can switch without downtime. */
const gracePeriods = [
  { value: '0', label: 'It stops at once' },
  { value: '3600', label: 'It keeps working for 1 hour' },
  { value: '86400', label: 'It keeps working for 1 day' },
  { value: '604800', label: 'It keeps working for 7 days' },
];

export async function generateSecret(id: string, gracePeriodSeconds = 0): Promise<GeneratedSecret> {
  return unwrap(
    await api.POST('/api/v1/service-accounts/{id}/secrets', {
      params: { path: { id } },
      body: gracePeriodSeconds > 0 ? { gracePeriodSeconds } : {},
    }),
  );
}

/** Firebolt's "Create a new secret": says the previous secret stops working, with an optional grace period. */
export function NewSecretDialog({
  serviceAccount,
  onClose,
  onGenerated,
}: {
  serviceAccount: ServiceAccount | undefined;
  onClose(): void;
  onGenerated(secret: GeneratedSecret): void;
}) {
  const [grace, setGrace] = useState('0');
  return (
    <ConfirmAction
      opened={Boolean(serviceAccount)}
      onClose={() => {
        setGrace('0');
        onClose();
      }}
      title={`Create a new secret for ${serviceAccount?.name ?? ''}`}
      confirmLabel="Create a new secret"
      onConfirm={async () => {
        if (!serviceAccount) return;
        onGenerated(await generateSecret(serviceAccount.id, Number(grace)));
      }}
    >
      <Text size="sm">
        The previous secret stops working, and every script still using it is refused at the token endpoint
        from then on. Give it a grace period to switch scripts over without downtime.
      </Text>
      <Select
        label="The previous secret"
        data={gracePeriods}
        value={grace}
        onChange={(value) => setGrace(value ?? '0')}
        allowDeselect={false}
      />
    </ConfirmAction>
  );
}
