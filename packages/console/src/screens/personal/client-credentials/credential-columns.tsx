import { Checkbox, VisuallyHidden } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { countPermissions } from '../../../permissions/describe-permissions';
import type { CredentialRow } from './client-credential';
import {
  IdCell,
  LastUsedCell,
  NameCell,
  PermissionsCell,
  StatusBadge,
  ValidToCell,
} from './credential-cells';
import { type RowAction, RowMenu } from './row-menu';

/** Columns the table keeps out of sight: the description shows under the name. */
export const hiddenColumns = { description: false };

/** The table's columns; the search box looks in name, ID and description. */
export function credentialColumns(
  now: number,
  onAction: (action: RowAction, credential: CredentialRow) => void,
): ColumnDef<CredentialRow>[] {
  return [
    {
      id: 'select',
      enableSorting: false,
      enableGlobalFilter: false,
      header: ({ table }) => (
        <Checkbox
          aria-label="Select every credential on this page"
          checked={table.getIsAllPageRowsSelected()}
          indeterminate={table.getIsSomePageRowsSelected()}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <Checkbox
          aria-label={`Select ${row.original.name}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    },
    {
      id: 'name',
      accessorKey: 'name',
      header: 'Name',
      cell: ({ row }) => <NameCell credential={row.original} />,
    },
    // Shown under the name; a column of its own only so the search box finds it.
    { id: 'description', accessorKey: 'description', header: 'Description', enableSorting: false },
    { id: 'id', accessorKey: 'id', header: 'ID', cell: ({ row }) => <IdCell credential={row.original} /> },
    {
      id: 'validTo',
      header: 'Valid to',
      enableGlobalFilter: false,
      accessorFn: (c) => (c.validTo === null ? Number.POSITIVE_INFINITY : Date.parse(c.validTo)),
      cell: ({ row }) => <ValidToCell credential={row.original} now={now} />,
    },
    {
      id: 'permissions',
      header: 'Permissions',
      enableGlobalFilter: false,
      accessorFn: (c) => countPermissions(c.effective),
      cell: ({ row }) => <PermissionsCell credential={row.original} />,
    },
    {
      id: 'lastUsed',
      header: 'Last used',
      enableGlobalFilter: false,
      accessorFn: (c) => (c.lastUsedAt === null ? 0 : Date.parse(c.lastUsedAt)),
      cell: ({ row }) => <LastUsedCell credential={row.original} />,
    },
    {
      id: 'status',
      header: 'Status',
      enableGlobalFilter: false,
      accessorFn: (c) => (c.enabled ? 1 : 0),
      cell: ({ row }) => <StatusBadge enabled={row.original.enabled} />,
    },
    {
      id: 'actions',
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      enableSorting: false,
      enableGlobalFilter: false,
      cell: ({ row }) => <RowMenu credential={row.original} onAction={onAction} />,
    },
  ];
}
