import { Anchor, Badge, Breadcrumbs, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useLoaded } from '../../api/use-loaded';
import { CopyableId } from '../../components/copyable-id';
import { LoadedContent } from '../../layout/loaded-content';
import { PageTitle } from '../../layout/page-title';
import { useSession } from '../../session/session';
import { ActingCredentials } from './acting-credentials';
import { effectivePermissions, organizationAdminSource } from './effective-permissions';
import { EffectivePermissionsMatrix } from './effective-permissions-matrix';
import { actingUser, loadUserPage, type UserPageData } from './user-page-data';

function Details({ data }: { data: UserPageData }) {
  const { user, roles, account, login, serviceAccount } = data;
  return (
    <DataList labelWidth={180}>
      <DataList.Item>
        <DataList.ItemLabel>ID</DataList.ItemLabel>
        <DataList.ItemValue>
          <CopyableId id={user.id} of={user.name} />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Status</DataList.ItemLabel>
        <DataList.ItemValue>
          {user.active ? 'Active' : 'Deactivated: it and everything acting through it can do nothing'}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Account</DataList.ItemLabel>
        <DataList.ItemValue>{account?.name ?? user.accountId}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Acting through it</DataList.ItemLabel>
        <DataList.ItemValue>
          {user.serviceAccountId
            ? `Service account ${serviceAccount?.name ?? user.serviceAccountId}`
            : user.loginId
              ? `Login ${login?.email ?? user.loginId}`
              : 'Nobody yet'}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Roles</DataList.ItemLabel>
        <DataList.ItemValue>
          {roles.length === 0 ? (
            'None'
          ) : (
            <Group gap={4}>
              {roles.map((role) => (
                <Badge key={role.id} variant="light" autoContrast>
                  {role.name}
                </Badge>
              ))}
            </Group>
          )}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Default database</DataList.ItemLabel>
        <DataList.ItemValue>{user.defaultDatabase ?? 'None'}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Default engine</DataList.ItemLabel>
        <DataList.ItemValue>{user.defaultEngine ?? 'None'}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Created</DataList.ItemLabel>
        <DataList.ItemValue>{new Date(user.createdAt).toLocaleString()}</DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}

/** A user's page: its details, the credentials acting through it, and what it may do, with why. */
export function Component() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const ownUserId = session.user?.id;
  const load = useCallback(() => loadUserPage(id, ownUserId), [id, ownUserId]);
  const loaded = useLoaded(load);
  const { data } = loaded;

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/users" size="sm">
          Users
        </Anchor>
        <Text size="sm">{data?.user.name ?? id}</Text>
      </Breadcrumbs>
      <PageTitle title={data ? `User ${data.user.name}` : 'User'} />
      <LoadedContent loaded={loaded} refusalTitle="Could not load the user">
        {(page) => <UserPage data={page} />}
      </LoadedContent>
    </>
  );
}

function UserPage({ data }: { data: UserPageData }) {
  const acting = actingUser(data);
  const effective = effectivePermissions(data.catalog, { ...acting, roles: data.roles });
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Details data={data} />
      </Paper>
      <section aria-labelledby="acting-credentials">
        <Title order={2} size="h4" id="acting-credentials" mb="xs">
          Credentials acting through it
        </Title>
        <ActingCredentials data={data} />
      </section>
      <section aria-labelledby="effective-permissions">
        <Title order={2} size="h4" id="effective-permissions" mb="xs">
          Effective permissions
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {acting.active
            ? acting.isOrganizationAdmin
              ? `Its ${data.serviceAccount ? 'service account' : 'login'} is an organization admin, so it holds everything ("${organizationAdminSource}"); its roles are listed beside.`
              : 'The union of its roles; each held cell names the roles that grant it. Every credential acting through it can do at most this.'
            : 'It is deactivated, so it holds nothing, whatever its roles.'}
        </Text>
        <EffectivePermissionsMatrix catalog={data.catalog} effective={effective} />
      </section>
    </Stack>
  );
}
