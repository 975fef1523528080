import { Button, Group, Pagination, Select, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import {
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { CredentialChange } from './change-credentials-dialog';
import type { CredentialRow } from './client-credential';
import { CredentialCards } from './credential-cards';
import { credentialColumns, hiddenColumns } from './credential-columns';
import { CredentialGrid } from './credential-grid';
import type { RowAction } from './row-menu';
import { SortSelect } from './sort-select';

/**
 * The person's client credentials: search over name, ID and description, sortable columns, pages, and a
 * selection that can be disabled or deleted together. A table on a wide window, cards on a phone.
 */
export function CredentialsTable({
  credentials,
  now,
  onAction,
  onBulk,
}: {
  credentials: CredentialRow[];
  now: number;
  onAction: (action: RowAction, credential: CredentialRow) => void;
  onBulk: (change: CredentialChange, credentials: CredentialRow[], done: () => void) => void;
}) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 10 });
  const columns = useMemo(() => credentialColumns(now, onAction), [now, onAction]);
  const table = useReactTable({
    data: credentials,
    columns,
    state: { sorting, globalFilter, rowSelection, pagination, columnVisibility: hiddenColumns },
    getRowId: (row) => row.id,
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    onRowSelectionChange: setRowSelection,
    onPaginationChange: setPagination,
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });
  // A selection of credentials that have gone since (deleted elsewhere, or just now) changes nothing.
  const selected = credentials.filter((credential) => rowSelection[credential.id]);
  const shown = table.getFilteredRowModel().rows.length;
  const { pageIndex, pageSize } = pagination;
  const clearSelection = () => setRowSelection({});

  return (
    <>
      <Group justify="space-between" mb="sm" gap="sm">
        <Group gap="sm" w={{ base: '100%', sm: 'auto' }}>
          <TextInput
            aria-label="Search credentials"
            placeholder="Search by name, ID or description"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={globalFilter}
            onChange={(event) => {
              setGlobalFilter(event.currentTarget.value);
              setPagination((p) => ({ ...p, pageIndex: 0 }));
            }}
            w={{ base: '100%', sm: 340 }}
          />
          {narrow ? <SortSelect table={table} /> : null}
        </Group>
        {selected.length > 0 ? (
          <Group gap="xs" role="group" aria-label="Selected credentials">
            <Text size="sm">{selected.length} selected</Text>
            <Button size="xs" variant="default" onClick={() => onBulk('disable', selected, clearSelection)}>
              Disable selected
            </Button>
            <Button size="xs" color="red.9" onClick={() => onBulk('delete', selected, clearSelection)}>
              Delete selected
            </Button>
            <Button size="xs" variant="subtle" onClick={clearSelection}>
              Clear selection
            </Button>
          </Group>
        ) : null}
      </Group>
      {narrow ? (
        <CredentialCards table={table} search={globalFilter} now={now} onAction={onAction} />
      ) : (
        <CredentialGrid table={table} search={globalFilter} />
      )}
      <Group justify="space-between" mt="sm" gap="sm">
        <Text size="sm">
          {shown === 0
            ? 'None shown'
            : `${pageIndex * pageSize + 1}–${Math.min(shown, (pageIndex + 1) * pageSize)} of ${shown}`}
        </Text>
        <Group gap="sm">
          <Select
            aria-label="Credentials per page"
            data={['10', '25', '50']}
            value={String(pageSize)}
            onChange={(value) => value && setPagination({ pageIndex: 0, pageSize: Number(value) })}
            allowDeselect={false}
            w={80}
          />
          {table.getPageCount() > 1 ? (
            <Pagination
              total={table.getPageCount()}
              value={pageIndex + 1}
              onChange={(page) => table.setPageIndex(page - 1)}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            />
          ) : null}
        </Group>
      </Group>
    </>
  );
}
