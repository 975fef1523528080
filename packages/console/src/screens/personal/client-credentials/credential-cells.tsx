import { ActionIcon, Badge, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { countPermissions, describePermissions } from '../../../permissions/describe-permissions';
import { expiryOf, localTimeText } from '../../../time/expiry';
import type { CredentialRow } from './client-credential';
import { validToText } from './valid-to-text';

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

export function IdCell({ credential }: { credential: CredentialRow }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Code fz="xs">{credential.id}</Code>
      <CopyButton value={credential.id} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy ID'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal.9' : 'gray.8'}
              size="sm"
              aria-label={`Copy the ID of ${credential.name}`}
              onClick={copy}
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** The valid-to in its own zone, and how long is left: a warning in the last week, "expired" after. */
export function ValidToCell({ credential, now }: { credential: CredentialRow; now: number }) {
  const shown = validToText(credential);
  if (!shown) return <Text size="sm">No expiry</Text>;
  const expiry = expiryOf(credential.validTo, now);
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {shown.time}
      </Text>
      <Text size="xs">{shown.zone}</Text>
      {expiry.state === 'expired' ? (
        <Badge color="red.9" size="sm" miw="max-content">
          expired
        </Badge>
      ) : expiry.state === 'soon' ? (
        <Badge color="orange.5" autoContrast size="sm" miw="max-content">
          {expiry.text}
        </Badge>
      ) : expiry.state === 'later' ? (
        <Text size="xs">{expiry.text}</Text>
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

export function LastUsedCell({ credential }: { credential: CredentialRow }) {
  return <Text size="sm">{credential.lastUsedAt ? localTimeText(credential.lastUsedAt) : 'never'}</Text>;
}

export function StatusBadge({ enabled }: { enabled: boolean }) {
  return (
    <Badge color={enabled ? 'teal.9' : 'gray.7'} size="sm" miw="max-content">
      {enabled ? 'enabled' : 'disabled'}
    </Badge>
  );
}
