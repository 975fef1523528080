import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { longestMaxCredentialLifetimeDays, shortestMaxCredentialLifetimeDays } from '@portcullis/core/time';
import { longestTokenLifetimeSeconds, shortestTokenLifetimeSeconds } from '@portcullis/core/tokens';
import { type FormEvent, useState } from 'react';
import { unwrap } from '../../api/api-error';
import type { NetworkPolicy } from '../../api/api-types';
import { api } from '../../api/client';
import { RefusalAlert } from '../../api/refusal-alert';
import { useAttempt } from '../../api/use-attempt';
import {
  type AccessSettings,
  changedSettings,
  invalidAudiences,
  maxLifetimeProblem,
  tokenLifetimeProblem,
} from './access-settings';
import { AllowedAudiencesField } from './allowed-audiences-field';
import { NetworkPolicySelect } from './network-policy-select';
import { accessSettingsOf, type Organization } from './organization';

/** A NumberInput's value as a setting: empty is null (the default, or no maximum). */
function numberOrNull(value: number | string): number | null {
  return typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);
}

/**
 * Token lifetime, audiences, network policy and the maximum credential lifetime, saved together: only what
 * changed is sent, and `onSaved` hears which settings those were.
 */
export function AccessSettingsForm({
  organization,
  policies,
  mayChange,
  onSaved,
}: {
  organization: Organization;
  policies: NetworkPolicy[] | undefined;
  mayChange: boolean;
  onSaved(updated: Organization, before: AccessSettings, changes: Partial<AccessSettings>): void;
}) {
  const before = accessSettingsOf(organization);
  const [settings, setSettings] = useState<AccessSettings>(before);
  const saving = useAttempt();
  const set = <Name extends keyof AccessSettings>(name: Name, value: AccessSettings[Name]) =>
    setSettings((current) => ({ ...current, [name]: value }));

  const ttlProblem = tokenLifetimeProblem(settings.tokenTtlSeconds);
  const lifetimeProblem = maxLifetimeProblem(settings.maxCredentialLifetimeDays);
  const valid =
    !ttlProblem && !lifetimeProblem && invalidAudiences(settings.allowedAudiences ?? []).length === 0;
  const changes = changedSettings(before, settings);
  const changed = Object.keys(changes).length > 0;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!valid || !changed) return;
    void saving.run(async () => {
      const updated = unwrap(await api.PATCH('/api/v1/organization', { body: changes }));
      onSaved(updated, before, changes);
    });
  };

  const disabled = !mayChange || saving.pending;
  return (
    <form onSubmit={save} aria-label="Programmatic access settings">
      <Stack gap="lg" maw={640}>
        <NumberInput
          label="Access-token lifetime (seconds)"
          description={`How long a token issued to a credential of this organization lasts, ${shortestTokenLifetimeSeconds} to ${longestTokenLifetimeSeconds} seconds. Empty: the server's default.`}
          placeholder="Server default"
          value={settings.tokenTtlSeconds ?? ''}
          onChange={(value) => set('tokenTtlSeconds', numberOrNull(value))}
          min={shortestTokenLifetimeSeconds}
          max={longestTokenLifetimeSeconds}
          allowDecimal={false}
          allowNegative={false}
          error={ttlProblem}
          disabled={disabled}
        />
        <AllowedAudiencesField
          value={settings.allowedAudiences}
          onChange={(value) => set('allowedAudiences', value)}
          disabled={disabled}
        />
        <NetworkPolicySelect
          value={settings.networkPolicyId}
          onChange={(value) => set('networkPolicyId', value)}
          policies={policies}
          disabled={disabled}
        />
        <NumberInput
          label="Maximum credential lifetime (days)"
          description={`The most days a member's client credential or key pair may last, ${shortestMaxCredentialLifetimeDays} to ${longestMaxCredentialLifetimeDays}: with one set, each needs a valid-to within it. Organization service accounts are not bound by it, and lowering it shortens no credential that exists. Empty: no maximum.`}
          placeholder="No maximum"
          value={settings.maxCredentialLifetimeDays ?? ''}
          onChange={(value) => set('maxCredentialLifetimeDays', numberOrNull(value))}
          min={shortestMaxCredentialLifetimeDays}
          max={longestMaxCredentialLifetimeDays}
          allowDecimal={false}
          allowNegative={false}
          error={lifetimeProblem}
          disabled={disabled}
        />
        <RefusalAlert error={saving.refusal} title="The settings were not saved" />
        {mayChange ? (
          <Group>
            <Button type="submit" loading={saving.pending} disabled={!changed || !valid}>
              Save settings
            </Button>
            <Button
              variant="default"
              disabled={!changed || saving.pending}
              onClick={() => {
                setSettings(before);
                saving.clear();
              }}
            >
              Undo changes
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
