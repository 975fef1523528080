import { Alert, List, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { RefusalAlert } from '../../api/refusal-alert';
import { useAttempt } from '../../api/use-attempt';
import { ConfirmAction } from '../../components/confirm-action';
import { useSession } from '../../session/session';
import type { Organization } from './organization';

/** What switching off does, said before the person does it and beside the switch. */
function WhatOffMeans() {
  return (
    <List size="sm" spacing={4}>
      <List.Item>
        Every service account, client credential and key pair of the organization stops at once: the token
        endpoint refuses them and the tokens they already hold are no longer accepted.
      </List.Item>
      <List.Item>Creating and managing them is refused until it is switched on again.</List.Item>
      <List.Item>
        Nothing is deleted. Switched on again, they work as before; their clients fetch new tokens.
      </List.Item>
    </List>
  );
}

/**
 * FireTail's Programmatic Access toggle. It takes effect at once (switching off after a confirmation), and
 * the session is read again because the console's navigation depends on it.
 */
export function ProgrammaticAccessSwitch({
  organization,
  mayChange,
  onChanged,
}: {
  organization: Organization;
  mayChange: boolean;
  onChanged(organization: Organization): void;
}) {
  const { refresh } = useSession();
  const switchingOn = useAttempt();
  const [confirmingOff, setConfirmingOff] = useState(false);

  const change = async (enabled: boolean) => {
    const updated = unwrap(
      await api.PATCH('/api/v1/organization', { body: { programmaticAccessEnabled: enabled } }),
    );
    onChanged(updated);
    await refresh();
    notifications.show({
      color: enabled ? 'green' : 'gray',
      title: enabled ? 'Programmatic access is on' : 'Programmatic access is off',
      message: enabled
        ? 'Service accounts, client credentials and key pairs of this organization can be used.'
        : 'Every credential of this organization has stopped. Nothing was deleted.',
    });
  };

  const available = organization.programmaticAccessAvailable;
  return (
    <Stack gap="sm">
      {available ? null : (
        <Alert
          color="yellow"
          icon={<IconLock size={18} aria-hidden />}
          title="Not available to this organization"
        >
          Programmatic access has not been made available to {organization.displayName}. The platform operator
          — the administrator who runs this Portcullis server for every organization on it — must make it
          available first; ask them to. Until then it cannot be switched on here.
        </Alert>
      )}
      <Switch
        size="md"
        label="Enabled"
        description={
          organization.programmaticAccessEnabled && available
            ? 'Programmatic access is on: credentials of this organization obtain tokens and can be managed.'
            : 'Programmatic access is off: no credential of this organization can obtain a token.'
        }
        checked={organization.programmaticAccessEnabled && available}
        disabled={!available || !mayChange || switchingOn.pending}
        onChange={(event) => {
          if (event.currentTarget.checked) void switchingOn.run(() => change(true));
          else setConfirmingOff(true);
        }}
      />
      {mayChange ? null : (
        <Text size="sm" c="dimmed">
          Changing it needs the permission portcullis.organization:update; switching it on needs an
          organization admin.
        </Text>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          What switching it off does:
        </Text>
        <WhatOffMeans />
      </Stack>
      <RefusalAlert error={switchingOn.refusal} title="Could not switch programmatic access on" />
      <ConfirmAction
        opened={confirmingOff}
        onClose={() => setConfirmingOff(false)}
        title="Switch programmatic access off?"
        confirmLabel="Switch off"
        danger
        onConfirm={() => change(false)}
      >
        <Text size="sm">For {organization.displayName}:</Text>
        <WhatOffMeans />
        <Text size="sm">Only an organization admin can switch it on again.</Text>
      </ConfirmAction>
    </Stack>
  );
}
