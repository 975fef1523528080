import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconEdit, IconKey, IconTrash } from '@tabler/icons-react';
import type { CredentialRow } from './client-credential';

export type RowAction = 'edit' | 'secret' | 'delete';

/** Firebolt's "…" menu of a row. */
export function RowMenu({
  credential,
  onAction,
}: {
  credential: CredentialRow;
  onAction: (action: RowAction, credential: CredentialRow) => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for ${credential.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEdit size={16} />} onClick={() => onAction('edit', credential)}>
          Edit
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onAction('secret', credential)}>
          Create a new secret
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red.9"
          leftSection={<IconTrash size={16} />}
          onClick={() => onAction('delete', credential)}
        >
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
