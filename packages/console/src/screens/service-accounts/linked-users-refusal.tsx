import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { RefusalAlert } from '../../api/refusal-alert';
import { useAttempt } from '../../api/use-attempt';

interface LinkedUser {
  id: string;
  name: string;
  accountId: string;
}

/** The users a `service_account_linked` refusal names, or undefined for any other refusal. */
export function linkedUsersOf(error: unknown): LinkedUser[] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'service_account_linked') return undefined;
  return (error.details as { users?: LinkedUser[] } | undefined)?.users;
}

export async function unlinkUser(userId: string): Promise<void> {
  unwrap(
    await api.PATCH('/api/v1/users/{id}', {
      params: { path: { id: userId } },
      body: { serviceAccountId: null },
    }),
  );
}

/**
 * Firebolt refuses to drop a service account while users are tied to it: the refusal names them, each with
 * a way to unlink it here, after which the delete can be tried again.
 */
export function LinkedUsersRefusal({ users, onUnlinked }: { users: LinkedUser[]; onUnlinked(): void }) {
  const [unlinked, setUnlinked] = useState<ReadonlySet<string>>(new Set());
  const [unlinking, setUnlinking] = useState<string>();
  const attempt = useAttempt();
  const left = users.filter((u) => !unlinked.has(u.id));

  const unlink = (user: LinkedUser) => {
    setUnlinking(user.id);
    void attempt.run(async () => {
      await unlinkUser(user.id);
      setUnlinked((previous) => new Set(previous).add(user.id));
      onUnlinked();
    });
  };

  return (
    <Alert color="red" role="alert" title="Users are still linked to it">
      <Text size="sm">
        {left.length > 0
          ? 'It cannot be deleted while these users act through it. Unlink them (they stay, without it), then delete it.'
          : 'Every user is unlinked: it can be deleted now.'}
      </Text>
      <List mt="xs" spacing={4} listStyleType="none">
        {users.map((user) => (
          <List.Item key={user.id}>
            <Group gap="sm">
              <Anchor component={Link} to={`/users/${user.id}`} size="sm" c="inherit" underline="always">
                {user.name}
              </Anchor>
              {unlinked.has(user.id) ? (
                <Text size="sm" c="dimmed">
                  unlinked
                </Text>
              ) : (
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={attempt.pending && unlinking === user.id}
                  onClick={() => unlink(user)}
                  aria-label={`Unlink ${user.name}`}
                >
                  Unlink
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <RefusalAlert error={attempt.refusal} title="Could not unlink" />
    </Alert>
  );
}
