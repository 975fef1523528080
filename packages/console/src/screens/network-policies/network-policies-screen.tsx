import { Button, Code, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { unwrap } from '../../api/api-error';
import type { NetworkPolicy } from '../../api/api-types';
import { api } from '../../api/client';
import { listNetworkPolicies } from '../../api/full-lists';
import { RefusalAlert } from '../../api/refusal-alert';
import { useAttempt } from '../../api/use-attempt';
import { useLoaded } from '../../api/use-loaded';
import { ConfirmAction } from '../../components/confirm-action';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-list';
import { RowMenu } from '../../components/row-menu';
import { LoadedContent } from '../../layout/loaded-content';
import { PageTitle } from '../../layout/page-title';
import { holds } from '../../session/holds';
import { useSession } from '../../session/session';
import { isAttached, PolicyAttachments, type PolicyWithAttachments } from './policy-attachments';
import { PolicyDialog } from './policy-dialog';

const loadPolicy = async (id: string) =>
  unwrap(await api.GET('/api/v1/network-policies/{id}', { params: { path: { id } } }));

function EntriesCell({ entries, none }: { entries: string[]; none: string }) {
  if (entries.length === 0) return <Text size="sm">{none}</Text>;
  return (
    <Stack gap={2}>
      {entries.slice(0, 3).map((entry) => (
        <Code key={entry}>{entry}</Code>
      ))}
      {entries.length > 3 ? <Text size="xs">and {entries.length - 3} more</Text> : null}
    </Stack>
  );
}

const column = createColumnHelper<NetworkPolicy>();

/** Firebolt's network policies: allowed and blocked addresses, and what each policy is attached to. */
export function Component() {
  const { session } = useSession();
  const policies = useLoaded(listNetworkPolicies);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PolicyWithAttachments>();
  const [deleting, setDeleting] = useState<PolicyWithAttachments>();
  // The list leaves out what each policy is attached to; the dialogs read it fresh, as it is now.
  const opening = useAttempt();
  const { run } = opening;
  const open = useCallback(
    (id: string, then: (policy: PolicyWithAttachments) => void) =>
      void run(async () => then(await loadPolicy(id))),
    [run],
  );
  const mayCreate = holds(session, 'portcullis.network_policies', 'create');

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Name',
        cell: ({ row }) => (
          <div>
            <Text size="sm" fw={600}>
              {row.original.name}
            </Text>
            {row.original.description ? <Text size="xs">{row.original.description}</Text> : null}
          </div>
        ),
      }),
      column.accessor((p) => p.allowed.join(' '), {
        id: 'allowed',
        header: 'Allowed',
        cell: ({ row }) => <EntriesCell entries={row.original.allowed} none="Every address not blocked" />,
      }),
      column.accessor((p) => p.blocked.join(' '), {
        id: 'blocked',
        header: 'Blocked',
        cell: ({ row }) => <EntriesCell entries={row.original.blocked} none="None" />,
      }),
      column.accessor('updatedAt', {
        header: 'Changed',
        cell: ({ getValue }) => <Text size="sm">{new Date(getValue()).toLocaleString()}</Text>,
      }),
      column.display({
        id: 'actions',
        header: () => <VisuallyHidden>Actions</VisuallyHidden>,
        cell: ({ row: { original: policy } }) => (
          <RowMenu
            name={policy.name}
            items={[
              { label: 'Edit', icon: IconPencil, onClick: () => open(policy.id, setEditing) },
              { label: 'Delete', icon: IconTrash, danger: true, onClick: () => open(policy.id, setDeleting) },
            ]}
          />
        ),
      }),
    ],
    [open],
  );

  return (
    <>
      <PageTitle
        title="Network policies"
        description="Which addresses may use credentials and sign in. Attach a policy to the organization (Organization settings), to a service account or to a person; a blocked entry beats an allowed one."
        actions={
          mayCreate ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              Create network policy
            </Button>
          ) : null
        }
      />
      <RefusalAlert error={opening.refusal} title="Could not open the network policy" />
      <LoadedContent loaded={policies} refusalTitle="Could not load the network policies">
        {(list) => (
          <DataTable
            label="Network policies"
            data={list}
            columns={columns}
            getRowId={(p) => p.id}
            searchLabel="Search policies"
            minWidth={760}
            empty={
              <EmptyList
                icon={<IconShieldLock aria-hidden />}
                title="No network policies yet"
                description="Create one to limit where service accounts and people may connect from, then attach it."
              />
            }
          />
        )}
      </LoadedContent>
      <PolicyDialog opened={creating} onClose={() => setCreating(false)} onSaved={policies.reload} />
      <PolicyDialog
        opened={editing !== undefined}
        editing={editing}
        onClose={() => setEditing(undefined)}
        onSaved={policies.reload}
      />
      {deleting ? (
        <ConfirmAction
          opened
          onClose={() => setDeleting(undefined)}
          title={`Delete network policy ${deleting.name}`}
          confirmLabel={isAttached(deleting.attachedTo) ? 'Detach everywhere and delete' : 'Delete'}
          danger
          onConfirm={async () => {
            unwrap(
              await api.DELETE('/api/v1/network-policies/{id}', {
                params: {
                  path: { id: deleting.id },
                  query: isAttached(deleting.attachedTo) ? { cascade: true } : {},
                },
              }),
            );
            policies.reload();
          }}
        >
          <Text size="sm">
            {isAttached(deleting.attachedTo)
              ? 'It is attached to the following. Deleting it detaches it from each first, so they are no longer limited by it:'
              : 'It is attached to nothing, so nothing changes for anyone.'}
          </Text>
          {isAttached(deleting.attachedTo) ? <PolicyAttachments attachedTo={deleting.attachedTo} /> : null}
        </ConfirmAction>
      ) : null}
    </>
  );
}
