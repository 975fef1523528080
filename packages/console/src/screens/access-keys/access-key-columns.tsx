import { ActionIcon, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import type { AccessKey } from '../../api/api-types';
import { CopyableId } from '../../components/copyable-id';
import { LastUsedText } from '../../components/last-used-text';
import { ValidToText } from '../../components/valid-to-text';

const column = createColumnHelper<AccessKey>();

export function accessKeyColumns(mayDelete: boolean, onDelete: (key: AccessKey) => void) {
  return [
    column.accessor('accessKey', {
      header: 'Access key',
      enableSorting: false,
      cell: (c) => <CopyableId id={c.getValue()} of={c.row.original.description || 'this key pair'} />,
    }),
    column.accessor('description', {
      header: 'Description',
      cell: (c) => <Text size="sm">{c.getValue() || '—'}</Text>,
    }),
    column.accessor((k) => k.validTo ?? '9999', {
      id: 'validTo',
      header: 'Valid to',
      cell: (c) => <ValidToText validity={c.row.original} />,
    }),
    column.accessor((k) => k.lastUsedAt ?? '', {
      id: 'lastUsed',
      header: 'Last used',
      cell: (c) => <LastUsedText at={c.row.original.lastUsedAt} />,
    }),
    column.accessor('createdAt', {
      header: 'Created',
      cell: (c) => <Text size="sm">{new Date(c.getValue()).toLocaleString()}</Text>,
    }),
    column.display({
      id: 'actions',
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (c) => (
        <Tooltip label="Delete" withArrow>
          <ActionIcon
            variant="subtle"
            color="red"
            disabled={!mayDelete}
            aria-label={`Delete key pair ${c.row.original.accessKey}`}
            onClick={() => onDelete(c.row.original)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      ),
    }),
  ];
}
