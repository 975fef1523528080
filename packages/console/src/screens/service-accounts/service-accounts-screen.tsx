import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import type { ServiceAccount } from '../../api/api-types';
import { RefusalAlert } from '../../api/refusal-alert';
import { useLoaded } from '../../api/use-loaded';
import type { BulkChange } from '../../components/bulk-change-dialog';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-list';
import { NewSecretDialog } from '../../components/new-secret-dialog';
import { ProgrammaticAccessNotice } from '../../components/programmatic-access-notice';
import { SelectionActions } from '../../components/selection-actions';
import { clientSecretShown } from '../../components/shown-credentials';
import { ShownOnceDialog } from '../../components/shown-once-dialog';
import { LoadedContent } from '../../layout/loaded-content';
import { PageTitle } from '../../layout/page-title';
import { holds } from '../../session/holds';
import { useSession } from '../../session/session';
import { ChangeServiceAccountsDialog } from './change-service-accounts-dialog';
import { DeleteServiceAccountDialog } from './delete-service-account-dialog';
import { type ServiceAccountAction, serviceAccountColumns } from './service-account-columns';
import { ServiceAccountDialog } from './service-account-dialog';
import { generateSecret, loadServiceAccountsData, usersByServiceAccount } from './service-accounts-data';

type Open =
  | { dialog: 'none' }
  | { dialog: 'create' }
  | { dialog: ServiceAccountAction; serviceAccount: ServiceAccount }
  | { dialog: 'bulk'; change: BulkChange; serviceAccounts: ServiceAccount[]; done(): void };

/** Firebolt's service accounts: the table, "Create service account", and the "…" menu per row. */
export function Component() {
  const { session } = useSession();
  const loaded = useLoaded(loadServiceAccountsData);
  const { data, reload } = loaded;
  const [open, setOpen] = useState<Open>({ dialog: 'none' });
  const [created, setCreated] = useState<{
    name: string;
    secret: { clientId: string; clientSecret: string };
  }>();
  const close = () => setOpen({ dialog: 'none' });
  const may = (action: 'create' | 'update' | 'delete') =>
    holds(session, 'portcullis.service_accounts', action);
  const bulkChanges = [
    ...(may('update') ? (['disable'] as const) : []),
    ...(may('delete') ? (['delete'] as const) : []),
  ];

  const columns = serviceAccountColumns({
    linkedUsers: usersByServiceAccount(data?.users),
    usersKnown: Boolean(data?.users),
    policies: new Map((data?.policies ?? []).map((p) => [p.id, p])),
    allowed: { edit: may('update'), 'new-secret': may('update'), delete: may('delete') },
    onAction: (dialog, serviceAccount) => setOpen({ dialog, serviceAccount }),
    selectable: bulkChanges.length > 0,
  });

  // A new service account gets its first secret at once, so it can be used straight away.
  const withFirstSecret = async (serviceAccount: ServiceAccount) => {
    close();
    reload();
    try {
      setCreated({ name: serviceAccount.name, secret: await generateSecret(serviceAccount.id) });
    } catch (refusal) {
      notifications.show({
        color: 'red',
        title: `${serviceAccount.name} is created, without a secret`,
        message: <RefusalAlert error={refusal} />,
      });
    }
  };

  const deleting = open.dialog === 'delete' ? open.serviceAccount : undefined;
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
      <LoadedContent loaded={loaded} refusalTitle="Could not load the service accounts">
        {({ users, serviceAccounts }) => (
          <>
            {users ? null : (
              <Text size="sm" c="dimmed" mb="sm">
                You may not list users, so the users linked to each service account are not shown.
              </Text>
            )}
            <DataTable
              label="Service accounts"
              data={serviceAccounts}
              columns={columns}
              getRowId={(sa) => sa.id}
              searchLabel="Search service accounts"
              minWidth={1100}
              selectionActions={({ selected, clearSelection }) => (
                <SelectionActions
                  count={selected.length}
                  label="Selected service accounts"
                  changes={bulkChanges}
                  onChange={(change) =>
                    setOpen({ dialog: 'bulk', change, serviceAccounts: selected, done: clearSelection })
                  }
                  onClear={clearSelection}
                />
              )}
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
        )}
      </LoadedContent>
      <ServiceAccountDialog
        opened={open.dialog === 'create' || open.dialog === 'edit'}
        editing={open.dialog === 'edit' ? open.serviceAccount : undefined}
        policies={data?.policies}
        mayMakeAdmin={session.login.isOrganizationAdmin}
        onClose={close}
        onSaved={(serviceAccount, isNew) => {
          if (isNew) return void withFirstSecret(serviceAccount);
          close();
          reload();
          notifications.show({ color: 'teal', message: `${serviceAccount.name} is saved.` });
        }}
      />
      {open.dialog === 'new-secret' ? (
        <NewSecretDialog
          name={open.serviceAccount.name}
          create={(grace) => generateSecret(open.serviceAccount.id, grace)}
          onCreated={reload}
          onClose={close}
        />
      ) : null}
      <DeleteServiceAccountDialog serviceAccount={deleting} onClose={close} onChanged={reload} />
      {open.dialog === 'bulk' ? (
        <ChangeServiceAccountsDialog
          change={open.change}
          serviceAccounts={open.serviceAccounts}
          onDone={() => {
            open.done();
            reload();
          }}
          onClose={close}
        />
      ) : null}
      <ShownOnceDialog
        title={`${created?.name ?? ''} is created: its credentials`}
        shown={created ? clientSecretShown(created.secret) : undefined}
        onClose={() => setCreated(undefined)}
      />
    </>
  );
}
