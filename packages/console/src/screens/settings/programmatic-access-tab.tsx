import { Alert, Divider, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { listNetworkPolicies } from '../../api/full-lists';
import { RefusalAlert } from '../../api/refusal-alert';
import { useLoaded } from '../../api/use-loaded';
import { holds } from '../../session/holds';
import { useSession } from '../../session/session';
import { type AccessSettings, describeChanges } from './access-settings';
import { AccessSettingsForm } from './access-settings-form';
import type { Organization } from './organization';
import { ProgrammaticAccessSwitch } from './programmatic-access-switch';

interface Saved {
  lines: string[];
  /** Remounts the form on its new values. */
  generation: number;
}

/** The Programmatic Access tab of the organization's settings: the switch, then the settings it governs. */
export function ProgrammaticAccessTab({ loaded }: { loaded: Organization }) {
  const { session } = useSession();
  const [organization, setOrganization] = useState(loaded);
  const [saved, setSaved] = useState<Saved>({ lines: [], generation: 0 });
  const mayChange = holds(session, 'portcullis.organization', 'update');
  const policies = useLoaded(listNetworkPolicies);
  const policyName = (id: string) => policies.data?.find((policy) => policy.id === id)?.name ?? id;

  const onSaved = (updated: Organization, before: AccessSettings, changes: Partial<AccessSettings>) => {
    setOrganization(updated);
    setSaved((last) => ({
      lines: describeChanges(before, changes, policyName),
      generation: last.generation + 1,
    }));
  };

  return (
    <Stack gap="xl">
      <section aria-labelledby="programmatic-access-enabled">
        <Title order={2} size="h4" mb="sm" id="programmatic-access-enabled">
          Programmatic access
        </Title>
        <ProgrammaticAccessSwitch
          organization={organization}
          mayChange={mayChange}
          onChanged={setOrganization}
        />
      </section>
      <Divider />
      <section aria-labelledby="programmatic-access-settings">
        <Title order={2} size="h4" mb={4} id="programmatic-access-settings">
          Tokens and credentials
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          How the organization's credentials may be used, whether programmatic access is on or off.
        </Text>
        {policies.error ? (
          <RefusalAlert error={policies.error} title="The network policies could not be listed" />
        ) : null}
        <AccessSettingsForm
          key={saved.generation}
          organization={organization}
          policies={policies.data}
          mayChange={mayChange}
          onSaved={onSaved}
        />
        {saved.lines.length > 0 ? (
          <Alert color="green" title="Settings saved" role="status" mt="md" maw={640}>
            <List size="sm">
              {saved.lines.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
      </section>
    </Stack>
  );
}
