import { ActionIcon, Button, Code, Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconPlus, IconShieldLock } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import type { Answer } from '../../api/answer-type';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { largestPage, loadAllPages } from '../../api/load-all-pages';
import { RefusalAlert } from '../../api/refusal-alert';
import { useLoaded } from '../../api/use-loaded';
import { ConfirmAction } from '../../components/confirm-action';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-list';
import { PageTitle } from '../../layout/page-title';
import { holds } from '../../session/holds';
import { useSession } from '../../session/session';
import { isAttached, PolicyAttachments, type PolicyWithAttachments } from './policy-attachments';
import { PolicyDialog } from './policy-dialog';

type Policy = Answer<'/api/v1/network-policies', 'get'>['items'][number];

const loadPolicies = () =>
  loadAllPages(async (cursor) =>
    unwrap(
      await api.GET('/api/v1/network-policies', {
        params: { query: { limit: largestPage, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );

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

const column = createColumnHelper<Policy>();

/** Firebolt's network policies: allowed and blocked addresses, and what each policy is attached to. */
export function Component() {
  const { session } = useSession();
  const policies = useLoaded(useCallback(loadPolicies, []));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PolicyWithAttachments>();
  const [deleting, setDeleting] = useState<PolicyWithAttachments>();
  const [openError, setOpenError] = useState<unknown>();
  const mayCreate = holds(session, 'portcullis.network_policies', 'create');

  const open = useCallback(async (id: string, then: (policy: PolicyWithAttachments) => void) => {
    setOpenError(undefined);
    try {
      then(await loadPolicy(id));
    } catch (error) {
      setOpenError(error);
    }
  }, []);

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
        cell: ({ row }) => (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`Actions for ${row.original.name}`}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void open(row.original.id, setEditing)}>Edit</Menu.Item>
              <Menu.Item color="red.9" onClick={() => void open(row.original.id, setDeleting)}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
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
      <RefusalAlert error={policies.error ?? openError} />
      {policies.data ? (
        <DataTable
          label="Network policies"
          data={policies.data}
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
      ) : null}
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
