import { Button, Text } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { unwrap } from '../../api/api-error';
import type { AccessKey } from '../../api/api-types';
import { api } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import { ConfirmAction } from '../../components/confirm-action';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-list';
import { ProgrammaticAccessNotice } from '../../components/programmatic-access-notice';
import { keyPairShown } from '../../components/shown-credentials';
import { ShownOnceDialog } from '../../components/shown-once-dialog';
import { LoadedContent } from '../../layout/loaded-content';
import { PageTitle } from '../../layout/page-title';
import { holds } from '../../session/holds';
import { useSession } from '../../session/session';
import { accessKeyColumns } from './access-key-columns';
import { loadAccessKeys } from './access-keys-data';
import { CreateAccessKeyDialog, type CreatedKeyPair } from './create-access-key-dialog';

/** Firefly's Settings › Users › Create Key Pair: your own access key and secret key, acting as you. */
export function Component() {
  const { session } = useSession();
  const loaded = useLoaded(loadAccessKeys);
  const { data, reload } = loaded;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKeyPair>();
  const [deleting, setDeleting] = useState<AccessKey>();
  const mayCreate = holds(session, 'portcullis.client_credentials', 'create');
  const mayDelete = holds(session, 'portcullis.client_credentials', 'delete');
  const columns = useMemo(() => accessKeyColumns(mayDelete, setDeleting), [mayDelete]);

  return (
    <>
      <PageTitle
        title="My access keys"
        description="Key pairs for scripts and tools that sign in as you (POST /v2/login). A key pair can do exactly what you can, now and later, and stops when your user goes."
        actions={
          mayCreate ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Create key pair
            </Button>
          ) : undefined
        }
      />
      <ProgrammaticAccessNotice />
      <LoadedContent loaded={loaded} refusalTitle="Could not load your access keys">
        {({ keys }) => (
          <DataTable
            label="My access keys"
            data={keys}
            columns={columns}
            getRowId={(k) => k.accessKey}
            searchLabel="Search access keys"
            minWidth={820}
            empty={
              <EmptyList
                icon={<IconKey size={28} />}
                title="No access keys yet"
                description={
                  mayCreate
                    ? 'Create a key pair for each tool that should act as you, so you can delete one without stopping the others.'
                    : 'You may not create key pairs; ask an organization admin for the client credentials permission.'
                }
              />
            }
          />
        )}
      </LoadedContent>
      <CreateAccessKeyDialog
        opened={creating}
        maximumDays={data?.maximumDays ?? null}
        onClose={() => setCreating(false)}
        onCreated={(pair) => {
          setCreating(false);
          setCreated(pair);
          reload();
        }}
      />
      <ShownOnceDialog
        title="Your new key pair"
        shown={created ? keyPairShown(created) : undefined}
        onClose={() => setCreated(undefined)}
      />
      <ConfirmAction
        opened={Boolean(deleting)}
        onClose={() => setDeleting(undefined)}
        title="Delete this key pair?"
        confirmLabel="Delete"
        danger
        onConfirm={async () => {
          if (!deleting) return;
          unwrap(
            await api.DELETE('/api/v1/users/me/access-keys/{id}', {
              params: { path: { id: deleting.accessKey } },
            }),
          );
          reload();
        }}
      >
        <Text size="sm">
          {deleting?.description ? `“${deleting.description}” (${deleting.accessKey})` : deleting?.accessKey}{' '}
          stops working at once, with every token it obtained. Tools still using it will be refused.
        </Text>
      </ConfirmAction>
    </>
  );
}
