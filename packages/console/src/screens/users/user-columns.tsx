import { Anchor, Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { User } from '../../api/api-types';
import { RowMenu } from '../../components/row-menu';
import { actingThrough, type UsersData } from './users-data';

const column = createColumnHelper<User>();

export type UserAction = 'edit' | 'deactivate' | 'reactivate' | 'delete';

export function userColumns(
  data: UsersData,
  allowed: { update: boolean; delete: boolean },
  onAction: (action: UserAction, user: User) => void,
) {
  const accounts = new Map(data.accounts.map((a) => [a.id, a.name]));
  const roles = new Map(data.roles.map((r) => [r.id, r.name]));
  return [
    column.accessor('name', {
      header: 'Name',
      cell: (c) => (
        <Anchor component={Link} to={`/users/${c.row.original.id}`} fw={600}>
          {c.getValue()}
        </Anchor>
      ),
    }),
    column.accessor((u) => accounts.get(u.accountId) ?? u.accountId, { id: 'account', header: 'Account' }),
    column.accessor((u) => actingThrough(u, data), {
      id: 'actingThrough',
      header: 'Acting through it',
      cell: (c) => <Text size="sm">{c.getValue()}</Text>,
    }),
    column.accessor((u) => u.roleIds.map((id) => roles.get(id) ?? id).join(', '), {
      id: 'roles',
      header: 'Roles',
      cell: (c) =>
        c.row.original.roleIds.length === 0 ? (
          <Text size="sm">None</Text>
        ) : (
          <Group gap={4}>
            {c.row.original.roleIds.map((id) => (
              <Badge key={id} variant="light" autoContrast>
                {roles.get(id) ?? id}
              </Badge>
            ))}
          </Group>
        ),
    }),
    column.accessor((u) => u.defaultDatabase ?? '', { id: 'defaultDatabase', header: 'Default database' }),
    column.accessor((u) => u.defaultEngine ?? '', { id: 'defaultEngine', header: 'Default engine' }),
    column.accessor((u) => (u.active ? 'Active' : 'Deactivated'), {
      id: 'status',
      header: 'Status',
      cell: (c) => (
        <Badge color={c.row.original.active ? 'teal' : 'gray'} variant="dot" maw="none">
          {c.getValue()}
        </Badge>
      ),
    }),
    column.display({
      id: 'actions',
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      cell: ({ row: { original: user } }) => (
        <RowMenu
          name={user.name}
          items={[
            {
              label: 'Edit',
              icon: IconPencil,
              disabled: !allowed.update,
              onClick: () => onAction('edit', user),
            },
            user.active
              ? {
                  label: 'Deactivate',
                  icon: IconPlayerPause,
                  disabled: !allowed.update,
                  onClick: () => onAction('deactivate', user),
                }
              : {
                  label: 'Reactivate',
                  icon: IconPlayerPlay,
                  disabled: !allowed.update,
                  onClick: () => onAction('reactivate', user),
                },
            {
              label: 'Delete',
              icon: IconTrash,
              danger: true,
              disabled: !allowed.delete,
              onClick: () => onAction('delete', user),
            },
          ]}
        />
      ),
    }),
  ];
}
