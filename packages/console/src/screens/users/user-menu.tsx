import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import type { User } from '../../api/api-types';

export type UserAction = 'edit' | 'deactivate' | 'reactivate' | 'delete';

export function UserMenu({
  user,
  allowed,
  onAction,
}: {
  user: User;
  allowed: { update: boolean; delete: boolean };
  onAction(action: UserAction, user: User): void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} />}
          disabled={!allowed.update}
          onClick={() => onAction('edit', user)}
        >
          Edit
        </Menu.Item>
        {user.active ? (
          <Menu.Item
            leftSection={<IconPlayerPause size={16} />}
            disabled={!allowed.update}
            onClick={() => onAction('deactivate', user)}
          >
            Deactivate
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconPlayerPlay size={16} />}
            disabled={!allowed.update}
            onClick={() => onAction('reactivate', user)}
          >
            Reactivate
          </Menu.Item>
        )}
        <Menu.Item
          color="red.9"
          leftSection={<IconTrash size={16} />}
          disabled={!allowed.delete}
          onClick={() => onAction('delete', user)}
        >
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
