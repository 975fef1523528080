import { Badge, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { OrganizationRow } from '../../api/api-types';
import { AvailabilitySwitch } from './availability-switch';

const createdFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The operator's columns; the search box looks in the name and the display name. */
export function organizationColumns(
  onChanged: (updated: OrganizationRow) => void,
): ColumnDef<OrganizationRow>[] {
  return [
    { accessorKey: 'name', header: 'Name' },
    { accessorKey: 'displayName', header: 'Display name' },
    {
      accessorKey: 'programmaticAccessAvailable',
      header: 'Available',
      enableGlobalFilter: false,
      cell: ({ row }) => <AvailabilitySwitch organization={row.original} onChanged={onChanged} />,
    },
    {
      id: 'enabled',
      accessorFn: (org) => org.programmaticAccessAvailable && org.programmaticAccessEnabled,
      header: 'Enabled',
      enableGlobalFilter: false,
      cell: ({ row }) => {
        const org = row.original;
        if (org.programmaticAccessAvailable && org.programmaticAccessEnabled)
          return (
            <Badge variant="dot" color="teal">
              On
            </Badge>
          );
        return (
          <Badge variant="dot" color="gray">
            {org.programmaticAccessEnabled ? 'Off: not available' : 'Off'}
          </Badge>
        );
      },
    },
    {
      accessorKey: 'createdAt',
      header: 'Created',
      enableGlobalFilter: false,
      cell: ({ getValue }) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {createdFormat.format(new Date(getValue<string>()))}
        </Text>
      ),
    },
  ];
}
