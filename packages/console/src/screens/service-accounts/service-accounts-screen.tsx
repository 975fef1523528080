import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import type { ServiceAccount } from '../../api/api-types';
import { RefusalAlert } from '../../api/refusal-alert';
import { useLoaded } from '../../api/use-loaded';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-list';
import { ProgrammaticAccessNotice } from '../../components/programmatic-access-notice';
import { PageTitle } from '../../layout/page-title';
import { ScreenLoading } from '../../layout/screen-loading';
import { holds } from '../../session/holds';
import { useSession } from '../../session/session';
import { DeleteServiceAccountDialog } from './delete-service-account-dialog';
import { type GeneratedSecret, generateSecret, NewSecretDialog } from './new-secret-dialog';
import { serviceAccountColumns } from './service-account-columns';
import { ServiceAccountDialog } from './service-account-dialog';
import type { ServiceAccountAction } from './service-account-menu';
import { ServiceAccountSecretReveal } from './service-account-secret-reveal';
import { loadServiceAccountsData, usersByServiceAccount } from './service-accounts-data';

type Open =
  | { dialog: 'none' }
  | { dialog: 'create' }
  | { dialog: ServiceAccountAction; serviceAccount: ServiceAccount };

/** Firebolt's service accounts: the table, "Create service account", and the "…" menu per row. */
export function Component() {
  const { session } = useSession();
  const { data, error, loading, reload } = useLoaded(loadServiceAccountsData);
  const [open, setOpen] = useState<Open>({ dialog: 'none' });
  const [revealed, setRevealed] = useState<{ title: string; secret: GeneratedSecret }>();
  const close = () => setOpen({ dialog: 'none' });
  const may = (action: 'create' | 'update' | 'delete') =>
    holds(session, 'portcullis.service_accounts', action);

  const columns = serviceAccountColumns({
    linkedUsers: usersByServiceAccount(data?.users),
    usersKnown: Boolean(data?.users),
    policies: new Map((data?.policies ?? []).map((p) => [p.id, p])),
    allowed: { edit: may('update'), 'new-secret': may('update'), delete: may('delete') },
    onAction: (dialog, serviceAccount) => setOpen({ dialog, serviceAccount }),
  });

  const created = async (serviceAccount: ServiceAccount) => {
    close();
    reload();
    try {
      setRevealed({
        title: `${serviceAccount.name} is created: its credentials`,
        secret: await generateSecret(serviceAccount.id),
      });
    } catch (refusal) {
      notifications.show({
        color: 'red',
        title: `${serviceAccount.name} is created, without a secret`,
        message: <RefusalAlert error={refusal} />,
      });
    }
  };

  const selected = open.dialog === 'none' || open.dialog === 'create' ? undefined : open.serviceAccount;
  return (
    <>
      <PageTitle
        title="Service accounts"
        description="Programs that call the API on their own. A service account acts through the user it is linked to in an account, with exactly that user's roles; link one under Users."
        actions={
          may('create') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen({ dialog: 'create' })}>
              Create service account
            </Button>
          ) : undefined
        }
      />
      <ProgrammaticAccessNotice />
      <RefusalAlert error={error} title="Could not load the service accounts" />
      {!data && loading ? <ScreenLoading /> : null}
      {data ? (
        <>
          {data.users ? null : (
            <Text size="sm" c="dimmed" mb="sm">
              You may not list users, so the users linked to each service account are not shown.
            </Text>
          )}
          <DataTable
            label="Service accounts"
            data={data.serviceAccounts}
            columns={columns}
            getRowId={(sa) => sa.id}
            searchLabel="Search service accounts"
            minWidth={1100}
            empty={
              <EmptyList
                icon={<IconRobot size={28} />}
                title="No service accounts yet"
                description={
                  may('create')
                    ? 'Create one for each program that calls the API, then link it to a user with the roles it needs.'
                    : 'An organization admin creates them; ask one if a program of yours needs to call the API.'
                }
              />
            }
          />
        </>
      ) : null}
      <ServiceAccountDialog
        opened={open.dialog === 'create' || open.dialog === 'edit'}
        editing={open.dialog === 'edit' ? open.serviceAccount : undefined}
        policies={data?.policies}
        mayMakeAdmin={session.login.isOrganizationAdmin}
        onClose={close}
        onSaved={(serviceAccount, isNew) => {
          if (isNew) return void created(serviceAccount);
          close();
          reload();
          notifications.show({ color: 'teal', message: `${serviceAccount.name} is saved.` });
        }}
      />
      <NewSecretDialog
        serviceAccount={open.dialog === 'new-secret' ? selected : undefined}
        onClose={close}
        onGenerated={(secret) => {
          setRevealed({ title: `New secret for ${selected?.name}`, secret });
          reload();
        }}
      />
      <DeleteServiceAccountDialog
        serviceAccount={open.dialog === 'delete' ? selected : undefined}
        onClose={close}
        onChanged={reload}
      />
      <ServiceAccountSecretReveal
        title={revealed?.title ?? ''}
        generated={revealed?.secret}
        onClose={() => setRevealed(undefined)}
      />
    </>
  );
}
