import { Alert, Button, EmptyState } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import type { BulkChange } from '../../components/bulk-change-dialog';
import { NewSecretDialog } from '../../components/new-secret-dialog';
import { LoadedContent } from '../../layout/loaded-content';
import { PageTitle } from '../../layout/page-title';
import { useSession } from '../../session/session';
import { ChangeCredentialsDialog } from './client-credentials/change-credentials-dialog';
import { type CredentialRow, credentialRow } from './client-credentials/client-credential';
import { CreateCredentialDialog } from './client-credentials/create-credential-dialog';
import type { CredentialAction } from './client-credentials/credential-menu';
import { CredentialsTable } from './client-credentials/credentials-table';
import { CredentialsUnavailable, unavailableReason } from './client-credentials/credentials-unavailable';
import { EditCredentialDialog } from './client-credentials/edit-credential-dialog';
import { loadCredentialsScreen } from './client-credentials/load-credentials';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'secret'; credential: CredentialRow }
  | { kind: BulkChange; credentials: CredentialRow[]; done?: () => void };

const description =
  'Credentials that act as you, with the permissions you choose from your own, for scripts and services: exchange one at /oauth/token for an access token. What a credential can do shrinks when your own rights do.';

const createSecret = async (id: string, gracePeriodSeconds: number) =>
  unwrap(
    await api.POST('/api/v1/client-credentials/{id}/secrets', {
      params: { path: { id } },
      body: { gracePeriodSeconds },
    }),
  );

/** FireTail's personal client credentials: the table, the create dialog and each row's menu. */
export function Component() {
  const { session } = useSession();
  const reason = unavailableReason(session);
  if (reason) {
    return (
      <>
        <PageTitle title="Client credentials" description={description} />
        <CredentialsUnavailable reason={reason} />
      </>
    );
  }
  return <ClientCredentials />;
}

function ClientCredentials() {
  const { session } = useSession();
  const loaded = useLoaded(useCallback(() => loadCredentialsScreen(session), [session]));
  const { data, reload } = loaded;
  const [dialog, setDialog] = useState<Dialog>();
  const now = useMemo(() => (data ? Date.now() : 0), [data]);
  const rows = useMemo(
    () => (data?.credentials ?? []).map((c) => credentialRow(data!.catalog, session, c)),
    [data, session],
  );
  const onAction = useCallback((action: CredentialAction, credential: CredentialRow) => {
    setDialog(
      action === 'delete' ? { kind: 'delete', credentials: [credential] } : { kind: action, credential },
    );
  }, []);
  const close = () => setDialog(undefined);
  const canCreate = data?.held.has('portcullis.client_credentials', 'create') ?? false;
  const createButton = canCreate ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
      Create New Client Credential
    </Button>
  ) : null;

  return (
    <>
      <PageTitle title="Client credentials" description={description} actions={createButton} />
      <LoadedContent loaded={loaded} refusalTitle="Could not load your client credentials">
        {({ credentials }) =>
          credentials === undefined ? (
            <Alert color="indigo" title="You cannot see client credentials">
              Listing them needs the permission portcullis.client_credentials:list. Ask an organization admin
              for a role that has it.
            </Alert>
          ) : rows.length === 0 ? (
            <EmptyState
              icon={<IconKey />}
              title="No client credentials yet"
              description={
                canCreate
                  ? 'Create one to let a script or service call the API as you, with the permissions you choose. Its secret is shown once.'
                  : 'Creating one needs the permission portcullis.client_credentials:create. Ask an organization admin for a role that has it.'
              }
            >
              {createButton ? <EmptyState.Actions>{createButton}</EmptyState.Actions> : null}
            </EmptyState>
          ) : (
            <CredentialsTable
              credentials={rows}
              now={now}
              onAction={onAction}
              onBulk={(kind, credentials, done) => setDialog({ kind, credentials, done })}
            />
          )
        }
      </LoadedContent>
      {data && dialog?.kind === 'create' ? (
        <CreateCredentialDialog
          catalog={data.catalog}
          assignable={data.held}
          maximumDays={data.maximumDays}
          onCreated={reload}
          onClose={close}
        />
      ) : null}
      {data && dialog?.kind === 'edit' ? (
        <EditCredentialDialog
          credential={dialog.credential}
          catalog={data.catalog}
          assignable={data.held}
          maximumDays={data.maximumDays}
          onSaved={reload}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'secret' ? (
        <NewSecretDialog
          name={dialog.credential.name}
          create={(grace) => createSecret(dialog.credential.id, grace)}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'delete' || dialog?.kind === 'disable' ? (
        <ChangeCredentialsDialog
          change={dialog.kind}
          credentials={dialog.credentials}
          onDone={() => {
            dialog.done?.();
            reload();
          }}
          onClose={close}
        />
      ) : null}
    </>
  );
}
