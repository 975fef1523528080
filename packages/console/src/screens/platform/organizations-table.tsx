import { Badge, Group, Pagination, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp, IconSearch } from '@tabler/icons-react';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { AvailabilitySwitch } from './availability-switch';
import type { OrganizationRow } from './organization-row';

const pageSize = 20;
const createdFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function columnsFor(onChanged: (updated: OrganizationRow) => void): ColumnDef<OrganizationRow>[] {
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

const sortIcons = { asc: IconArrowUp, desc: IconArrowDown, none: IconArrowsSort };
const ariaSort = { asc: 'ascending', desc: 'descending', none: 'none' } as const;

/** Every organization, searched by name, sorted by any column and paged, in the browser. */
export function OrganizationsTable({
  organizations,
  onChanged,
}: {
  organizations: OrganizationRow[];
  onChanged(updated: OrganizationRow): void;
}) {
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [pageIndex, setPageIndex] = useState(0);
  const columns = useMemo(() => columnsFor(onChanged), [onChanged]);
  const table = useReactTable({
    data: organizations,
    columns,
    state: { globalFilter: search, sorting, pagination: { pageIndex, pageSize } },
    onSortingChange: setSorting,
    globalFilterFn: 'includesString',
    getRowId: (org) => org.id,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    autoResetPageIndex: false,
  });
  const rows = table.getRowModel().rows;
  const pages = table.getPageCount();

  return (
    <Stack gap="sm">
      <TextInput
        label="Search organizations"
        placeholder="Name or display name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPageIndex(0);
        }}
        maw={360}
      />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted() || 'none';
                  const SortIcon = sortIcons[direction];
                  return (
                    <Table.Th key={header.id} aria-sort={ariaSort[direction]}>
                      <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
                        <Group gap={4} wrap="nowrap">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <SortIcon size={14} aria-hidden />
                        </Group>
                      </UnstyledButton>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          No organization matches “{search}”. Search by its name or display name, or clear the search.
        </Text>
      ) : null}
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={pageIndex + 1}
          onChange={(page) => setPageIndex(page - 1)}
          aria-label="Pages of organizations"
        />
      ) : null}
    </Stack>
  );
}
