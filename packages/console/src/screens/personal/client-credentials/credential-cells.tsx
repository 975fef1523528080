import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { countPermissions, describePermissions } from '../../../permissions/describe-permissions';
import type { CredentialRow } from './client-credential';

export function NameCell({ credential }: { credential: CredentialRow }) {
  return (
    <Stack gap={2} maw={220}>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {credential.name}
      </Text>
      {credential.description ? (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {credential.description}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * What the credential can do now: its grant within what its owner holds. When the owner holds less than
 * was granted, it says so and what was cut.
 */
export function PermissionsCell({ credential }: { credential: CredentialRow }) {
  const { granted, effective } = credential;
  const count = countPermissions(effective);
  const cut = granted.minus(effective);
  return (
    <Stack gap={2} maw={220} data-effective-permissions={count}>
      <Text size="sm">
        {count} permission{count === 1 ? '' : 's'}: {describePermissions(effective, 3)}
      </Text>
      {cut.isEmpty() ? null : (
        <Tooltip label={`No longer held: ${describePermissions(cut, 6)}`} multiline w={320} withArrow>
          <Text size="xs" tabIndex={0} w="fit-content">
            Narrowed: you no longer hold {countPermissions(cut)} of its {countPermissions(granted)} granted
            permissions.
          </Text>
        </Tooltip>
      )}
    </Stack>
  );
}

export function StatusBadge({ enabled }: { enabled: boolean }) {
  return (
    <Badge color={enabled ? 'teal.9' : 'gray.7'} size="sm" miw="max-content">
      {enabled ? 'enabled' : 'disabled'}
    </Badge>
  );
}
