import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ServiceAccount } from '../../api/api-types';

export type ServiceAccountAction = 'edit' | 'new-secret' | 'delete';

/** Firebolt's "…" per row: Edit, Create a new secret, Delete. */
export function ServiceAccountMenu({
  serviceAccount,
  allowed,
  onAction,
}: {
  serviceAccount: ServiceAccount;
  allowed: Record<ServiceAccountAction, boolean>;
  onAction(action: ServiceAccountAction, serviceAccount: ServiceAccount): void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${serviceAccount.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} />}
          disabled={!allowed.edit}
          onClick={() => onAction('edit', serviceAccount)}
        >
          Edit
        </Menu.Item>
        <Menu.Item
          leftSection={<IconKey size={16} />}
          disabled={!allowed['new-secret']}
          onClick={() => onAction('new-secret', serviceAccount)}
        >
          Create a new secret
        </Menu.Item>
        <Menu.Item
          color="red.9"
          leftSection={<IconTrash size={16} />}
          disabled={!allowed.delete}
          onClick={() => onAction('delete', serviceAccount)}
        >
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
