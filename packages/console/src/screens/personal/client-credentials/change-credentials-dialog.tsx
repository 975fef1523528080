import { List, Text } from '@mantine/core';
import { useRef } from 'react';
import { ApiError, unwrap } from '../../../api/api-error';
import { api } from '../../../api/client';
import { ConfirmAction } from '../../../components/confirm-action';
import type { CredentialRow } from './client-credential';

export type CredentialChange = 'disable' | 'delete';

const wording = {
  disable: {
    title: (n: number) => `Disable ${n === 1 ? 'this credential' : `${n} credentials`}?`,
    effect:
      'They get no more tokens and the tokens they hold stop at once. You can enable them again with Edit.',
    confirm: 'Disable',
  },
  delete: {
    title: (n: number) => `Delete ${n === 1 ? 'this credential' : `${n} credentials`}?`,
    effect: 'They stop at once, with their tokens and secrets. This cannot be undone.',
    confirm: 'Delete',
  },
} as const;

async function apply(change: CredentialChange, credential: CredentialRow): Promise<void> {
  const params = { params: { path: { id: credential.id } } };
  if (change === 'delete') unwrap(await api.DELETE('/api/v1/client-credentials/{id}', params));
  else unwrap(await api.PATCH('/api/v1/client-credentials/{id}', { ...params, body: { enabled: false } }));
}

/**
 * Disable or delete one credential or a selection, after a confirmation that lists every credential
 * affected. Each is changed on its own; those refused are named with the reason, and the rest stay done.
 */
export function ChangeCredentialsDialog({
  change,
  credentials,
  onDone,
  onClose,
}: {
  change: CredentialChange;
  credentials: CredentialRow[];
  onDone: () => void;
  onClose: () => void;
}) {
  const words = wording[change];
  // Those already changed are not sent again when the person retries after a refusal.
  const done = useRef(new Set<string>());
  const confirm = async () => {
    const refused: string[] = [];
    for (const credential of credentials) {
      if (done.current.has(credential.id)) continue;
      try {
        await apply(change, credential);
        done.current.add(credential.id);
      } catch (error) {
        refused.push(`${credential.name}: ${error instanceof ApiError ? error.message : String(error)}`);
      }
    }
    onDone();
    if (refused.length > 0) throw new Error(`Not done for ${refused.join('; ')}`);
  };
  return (
    <ConfirmAction
      opened
      title={words.title(credentials.length)}
      confirmLabel={words.confirm}
      danger={change === 'delete'}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm">{words.effect}</Text>
      <List size="sm" aria-label="Credentials affected" spacing={2}>
        {credentials.map((credential) => (
          <List.Item key={credential.id}>
            <Text span fw={600} size="sm">
              {credential.name}
            </Text>{' '}
            <Text span size="xs" ff="monospace">
              {credential.id}
            </Text>
          </List.Item>
        ))}
      </List>
    </ConfirmAction>
  );
}
