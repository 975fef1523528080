import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, type TablerIcon } from '@tabler/icons-react';
import { Fragment } from 'react';

export interface RowMenuItem {
  label: string;
  icon: TablerIcon;
  onClick(): void;
  /** Shown but refused: the person lacks the permission, and sees that the action exists. */
  disabled?: boolean;
  /** Red and set apart: it destroys something or stops something working. */
  danger?: boolean;
}

/** The "…" menu of a table row, named after the row so a screen reader says whose actions these are. */
export function RowMenu({ name, items }: { name: string; items: RowMenuItem[] }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for ${name}`}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map(({ label, icon: Icon, onClick, disabled, danger }) => (
          <Fragment key={label}>
            {danger ? <Menu.Divider /> : null}
            <Menu.Item
              color={danger ? 'red.9' : undefined}
              leftSection={<Icon size={16} aria-hidden />}
              disabled={disabled}
              onClick={onClick}
            >
              {label}
            </Menu.Item>
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
