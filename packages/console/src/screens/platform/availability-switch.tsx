import { List, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import type { OrganizationRow } from '../../api/api-types';
import { api } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';
import { useSession } from '../../session/session';

/**
 * The operator's half of programmatic access for one organization. Making it available lets the
 * organization's admins switch it on; withdrawing it stops the organization's credentials at once.
 */
export function AvailabilitySwitch({
  organization,
  onChanged,
}: {
  organization: OrganizationRow;
  onChanged(updated: OrganizationRow): void;
}) {
  const { session, refresh } = useSession();
  const [confirming, setConfirming] = useState(false);
  // Fixed when the question is asked, so the dialog does not turn into the opposite question as it closes.
  const [making, setMaking] = useState(false);
  const name = organization.displayName;

  const change = async () => {
    const updated = unwrap(
      await api.PATCH('/api/v1/organizations/{id}', {
        params: { path: { id: organization.id } },
        body: { programmaticAccessAvailable: making },
      }),
    );
    onChanged(updated);
    // The operator's own organization is in their session, which the navigation reads.
    if (organization.id === session.organization.id) await refresh();
  };

  return (
    <>
      <Switch
        aria-label={`Make programmatic access available to ${name}`}
        checked={organization.programmaticAccessAvailable}
        onChange={() => {
          setMaking(!organization.programmaticAccessAvailable);
          setConfirming(true);
        }}
      />
      <ConfirmAction
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={
          making
            ? `Make programmatic access available to ${name}?`
            : `Withdraw programmatic access from ${name}?`
        }
        confirmLabel={making ? 'Make available' : 'Withdraw'}
        danger={!making}
        onConfirm={change}
      >
        {making ? (
          <Text size="sm">
            Its organization admins can then switch programmatic access on under Organization settings ›
            Programmatic Access, and create service accounts, client credentials and key pairs. Nothing
            changes until they do.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            <List.Item>
              Every service account, client credential and key pair of {name} stops at once, and their
              management is refused.
            </List.Item>
            <List.Item>Its admins can no longer switch programmatic access on.</List.Item>
            <List.Item>Nothing is deleted: making it available again restores them.</List.Item>
          </List>
        )}
      </ConfirmAction>
    </>
  );
}
