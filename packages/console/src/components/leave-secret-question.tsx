import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * Asked when a dialog showing a secret is closed before the secret was copied: it cannot be shown again,
 * so closing is a choice the person makes twice.
 */
export function LeaveSecretQuestion({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <Alert color="red.9" variant="outline" title="Close without copying the secret?">
      <Text size="sm">
        You have not copied the secret. Once this dialog closes it cannot be retrieved again; you would have
        to create a new secret.
      </Text>
      <Group mt="sm" gap="sm">
        <Button ref={stay} size="xs" onClick={onStay}>
          Go back to the secret
        </Button>
        <Button size="xs" variant="default" onClick={onLeave}>
          Close without copying
        </Button>
      </Group>
    </Alert>
  );
}
