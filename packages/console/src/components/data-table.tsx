import { Group, Pagination, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
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
import { type ReactNode, useState } from 'react';

export interface DataTableProps<Row> {
  /** The table's accessible name, such as "Service accounts". */
  label: string;
  data: Row[];
  // biome-ignore lint/suspicious/noExplicitAny: TanStack types each column's value separately.
  columns: ColumnDef<Row, any>[];
  getRowId(row: Row): string;
  /** Shown instead of the table when there is nothing at all: what to do next. */
  empty: ReactNode;
  searchLabel?: string;
  pageSize?: number;
  /** Wider than this, the table scrolls sideways inside its box rather than squeezing (390 px screens). */
  minWidth?: number;
}

const sortIcons = { asc: IconSortAscending, desc: IconSortDescending, none: IconArrowsSort };

/** A list as a table: search over every text column, sort by clicking a header, pages of `pageSize`. */
export function DataTable<Row>({
  label,
  data,
  columns,
  getRowId,
  empty,
  searchLabel = 'Search',
  pageSize = 20,
  minWidth = 900,
}: DataTableProps<Row>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [search, setSearch] = useState('');
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize });
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, globalFilter: search, pagination },
    onSortingChange: setSorting,
    onGlobalFilterChange: setSearch,
    onPaginationChange: setPagination,
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });
  if (data.length === 0) return <>{empty}</>;

  const matching = table.getFilteredRowModel().rows.length;
  const first = pagination.pageIndex * pagination.pageSize;
  return (
    <>
      <TextInput
        label={searchLabel}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPagination((p) => ({ ...p, pageIndex: 0 }));
        }}
        maw={360}
        mb="sm"
      />
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const SortIcon = sortIcons[sorted || 'none'];
                  const title = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <Table.Th
                      key={header.id}
                      aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={700} fz="sm">
                          <Group gap={4} wrap="nowrap">
                            {title}
                            <SortIcon size={14} aria-hidden />
                          </Group>
                        </UnstyledButton>
                      ) : (
                        title
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
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
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {matching === 0
            ? `Nothing matches "${search}".`
            : `${first + 1}–${Math.min(first + pagination.pageSize, matching)} of ${matching}`}
        </Text>
        {table.getPageCount() > 1 ? (
          <Pagination
            total={table.getPageCount()}
            value={pagination.pageIndex + 1}
            onChange={(page) => table.setPageIndex(page - 1)}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            size="sm"
          />
        ) : null}
      </Group>
    </>
  );
}
