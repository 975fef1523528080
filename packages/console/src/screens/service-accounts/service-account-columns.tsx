import { Anchor, Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconKey, IconPencil, IconTrash } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { NetworkPolicy, ServiceAccount, User } from '../../api/api-types';
import { CopyableId } from '../../components/copyable-id';
import { LastUsedText } from '../../components/last-used-text';
import { RowMenu } from '../../components/row-menu';
import { selectionColumn } from '../../components/row-selection';
import { ValidToText } from '../../components/valid-to-text';
import { ServiceAccountStatusBadge, serviceAccountStatus } from './service-account-status';

const column = createColumnHelper<ServiceAccount>();

export type ServiceAccountAction = 'edit' | 'new-secret' | 'delete';

export interface ServiceAccountColumnsInput {
  linkedUsers: Map<string, User[]>;
  /** Undefined when users cannot be listed: the column then says so rather than "none". */
  usersKnown: boolean;
  policies: Map<string, NetworkPolicy>;
  allowed: Record<ServiceAccountAction, boolean>;
  onAction(action: ServiceAccountAction, serviceAccount: ServiceAccount): void;
  /** Rows get checkboxes only when the person may do something to a selection. */
  selectable: boolean;
}

export function serviceAccountColumns({
  linkedUsers,
  usersKnown,
  policies,
  allowed,
  onAction,
  selectable,
}: ServiceAccountColumnsInput) {
  return [
    ...(selectable
      ? [selectionColumn<ServiceAccount>((sa) => sa.name, 'Select every service account on this page')]
      : []),
    column.accessor('name', {
      header: 'Name',
      cell: (c) => (
        <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {c.getValue()}
        </Text>
      ),
    }),
    column.accessor('id', {
      header: 'ID',
      enableSorting: false,
      cell: (c) => <CopyableId id={c.getValue()} of={c.row.original.name} />,
    }),
    column.accessor('description', {
      header: 'Description',
      cell: (c) => (
        <Text size="sm" lineClamp={2} maw={200}>
          {c.getValue() || '—'}
        </Text>
      ),
    }),
    column.accessor(
      (sa) => (sa.networkPolicyId ? (policies.get(sa.networkPolicyId)?.name ?? sa.networkPolicyId) : ''),
      {
        id: 'networkPolicy',
        header: 'Network policy',
        cell: (c) => <Text size="sm">{c.getValue() || 'None'}</Text>,
      },
    ),
    column.accessor((sa) => (sa.isOrganizationAdmin ? 'organization admin' : ''), {
      id: 'organizationAdmin',
      header: 'Organization admin',
      cell: (c) =>
        c.getValue() ? (
          <Badge color="grape" variant="light" autoContrast>
            Admin
          </Badge>
        ) : (
          <Text size="sm">No</Text>
        ),
    }),
    column.accessor((sa) => sa.validTo ?? '9999', {
      id: 'validTo',
      header: 'Valid to',
      cell: (c) => <ValidToText validity={c.row.original} />,
    }),
    column.accessor((sa) => (linkedUsers.get(sa.id) ?? []).map((u) => u.name).join(' '), {
      id: 'linkedUsers',
      header: 'Linked users',
      cell: (c) => {
        if (!usersKnown) return <Text size="sm">Not visible to you</Text>;
        const users = linkedUsers.get(c.row.original.id) ?? [];
        if (users.length === 0) return <Text size="sm">None yet</Text>;
        return (
          <Group gap={6}>
            {users.map((user) => (
              <Anchor key={user.id} component={Link} to={`/users/${user.id}`} size="sm">
                {user.name}
              </Anchor>
            ))}
          </Group>
        );
      },
    }),
    column.accessor((sa) => sa.lastUsedAt ?? '', {
      id: 'lastUsed',
      header: 'Last used',
      cell: (c) => <LastUsedText at={c.row.original.lastUsedAt} />,
    }),
    column.accessor((sa) => serviceAccountStatus(sa), {
      id: 'status',
      header: 'Status',
      cell: (c) => <ServiceAccountStatusBadge status={c.getValue()} />,
    }),
    column.display({
      id: 'actions',
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      cell: ({ row: { original: sa } }) => (
        <RowMenu
          name={sa.name}
          items={[
            { label: 'Edit', icon: IconPencil, disabled: !allowed.edit, onClick: () => onAction('edit', sa) },
            {
              label: 'Create a new secret',
              icon: IconKey,
              disabled: !allowed['new-secret'],
              onClick: () => onAction('new-secret', sa),
            },
            {
              label: 'Delete',
              icon: IconTrash,
              danger: true,
              disabled: !allowed.delete,
              onClick: () => onAction('delete', sa),
            },
          ]}
        />
      ),
    }),
  ];
}
