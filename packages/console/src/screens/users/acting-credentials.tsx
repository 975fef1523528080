import { Anchor, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CopyableId } from '../../components/copyable-id';
import { LastUsedText } from '../../components/last-used-text';
import { ServiceAccountStatusBadge, serviceAccountStatus } from '../service-accounts/service-account-status';
import type { UserPageData } from './user-page-data';

function Credential({
  id,
  name,
  lastUsedAt,
  kind,
}: {
  id: string;
  name: string;
  lastUsedAt: string | null;
  kind: string;
}) {
  return (
    <List.Item>
      <Group gap="sm">
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Text size="sm" c="dimmed">
          {kind}
        </Text>
        <CopyableId id={id} of={name} />
        <Text size="sm">
          last used <LastUsedText at={lastUsedAt} />
        </Text>
      </Group>
    </List.Item>
  );
}

/** The credentials that act with this user's rights: its service account, or its login's own credentials. */
export function ActingCredentials({ data }: { data: UserPageData }) {
  const { user, serviceAccount, login, own } = data;
  if (user.serviceAccountId) {
    return serviceAccount ? (
      <List listStyleType="none" spacing="xs">
        <List.Item>
          <Group gap="sm">
            <Anchor component={Link} to="/service-accounts" fw={600} size="sm">
              {serviceAccount.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              service account
            </Text>
            <CopyableId id={serviceAccount.id} of={serviceAccount.name} />
            <ServiceAccountStatusBadge status={serviceAccountStatus(serviceAccount)} />
            <Text size="sm">
              last used <LastUsedText at={serviceAccount.lastUsedAt} />
            </Text>
          </Group>
        </List.Item>
      </List>
    ) : (
      <Text size="sm">Service account {user.serviceAccountId} (you may not read its details).</Text>
    );
  }
  if (user.loginId) {
    if (!own) {
      return (
        <Text size="sm">
          The client credentials and key pairs of {login ? `${login.name} (${login.email})` : 'its login'} act
          through this user; only their owner can list them.
        </Text>
      );
    }
    const count = own.clientCredentials.length + own.accessKeys.length;
    if (count === 0) {
      return (
        <Text size="sm">
          This is your user, and you have no client credentials or key pairs yet. Create a key pair under{' '}
          <Anchor component={Link} to="/access-keys">
            My access keys
          </Anchor>
          .
        </Text>
      );
    }
    return (
      <List listStyleType="none" spacing="xs">
        {own.clientCredentials.map((c) => (
          <Credential key={c.id} id={c.id} name={c.name} lastUsedAt={c.lastUsedAt} kind="client credential" />
        ))}
        {own.accessKeys.map((k) => (
          <Credential
            key={k.accessKey}
            id={k.accessKey}
            name={k.description || 'Key pair'}
            lastUsedAt={k.lastUsedAt}
            kind="key pair"
          />
        ))}
      </List>
    );
  }
  return (
    <Text size="sm">Nothing acts through this user yet: associate a service account with it to use it.</Text>
  );
}
