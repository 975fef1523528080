import { VisuallyHidden } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { CopyableId } from '../../../components/copyable-id';
import { LastUsedText } from '../../../components/last-used-text';
import { selectionColumn } from '../../../components/row-selection';
import { ValidToText } from '../../../components/valid-to-text';
import { countPermissions } from '../../../permissions/describe-permissions';
import type { CredentialRow } from './client-credential';
import { NameCell, PermissionsCell, StatusBadge } from './credential-cells';
import { type CredentialAction, CredentialMenu } from './credential-menu';

/** Columns the table keeps out of sight: the description shows under the name. */
export const hiddenColumns = { description: false };

/** The table's columns; the search box looks in name, ID and description. */
export function credentialColumns(
  now: number,
  onAction: (action: CredentialAction, credential: CredentialRow) => void,
): ColumnDef<CredentialRow>[] {
  return [
    selectionColumn((credential) => credential.name, 'Select every credential on this page'),
    {
      id: 'name',
      accessorKey: 'name',
      header: 'Name',
      cell: ({ row }) => <NameCell credential={row.original} />,
    },
    // Shown under the name; a column of its own only so the search box finds it.
    { id: 'description', accessorKey: 'description', header: 'Description', enableSorting: false },
    {
      id: 'id',
      accessorKey: 'id',
      header: 'ID',
      cell: ({ row }) => <CopyableId id={row.original.id} of={row.original.name} />,
    },
    {
      id: 'validTo',
      header: 'Valid to',
      enableGlobalFilter: false,
      accessorFn: (c) => (c.validTo === null ? Number.POSITIVE_INFINITY : Date.parse(c.validTo)),
      cell: ({ row }) => <ValidToText validity={row.original} now={now} />,
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
      cell: ({ row }) => <LastUsedText at={row.original.lastUsedAt} />,
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
      cell: ({ row }) => <CredentialMenu credential={row.original} onAction={onAction} />,
    },
  ];
}
