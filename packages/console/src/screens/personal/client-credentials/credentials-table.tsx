import { Group } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import type { BulkChange } from '../../../components/bulk-change-dialog';
import { DataTableGrid } from '../../../components/data-table-grid';
import { DataTablePager } from '../../../components/data-table-pager';
import { DataTableSearch } from '../../../components/data-table-search';
import { SelectionActions } from '../../../components/selection-actions';
import { useDataTable } from '../../../components/use-data-table';
import type { CredentialRow } from './client-credential';
import { CredentialCards } from './credential-cards';
import { credentialColumns, hiddenColumns } from './credential-columns';
import type { CredentialAction } from './credential-menu';
import { SortSelect } from './sort-select';

const byName = [{ id: 'name', desc: false }];

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
  onAction: (action: CredentialAction, credential: CredentialRow) => void;
  onBulk: (change: BulkChange, credentials: CredentialRow[], done: () => void) => void;
}) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const columns = useMemo(() => credentialColumns(now, onAction), [now, onAction]);
  const { table, selected, clearSelection } = useDataTable({
    data: credentials,
    columns,
    getRowId: (row) => row.id,
    pageSize: 10,
    initialSort: byName,
    hiddenColumns,
  });

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Group gap="sm" align="flex-end" w={{ base: '100%', sm: 'auto' }}>
          <DataTableSearch
            table={table}
            label="Search credentials"
            placeholder="Search by name, ID or description"
          />
          {narrow ? <SortSelect table={table} /> : null}
        </Group>
        <SelectionActions
          count={selected.length}
          label="Selected credentials"
          changes={['disable', 'delete']}
          onChange={(change) => onBulk(change, selected, clearSelection)}
          onClear={clearSelection}
        />
      </Group>
      {narrow ? (
        <CredentialCards table={table} now={now} onAction={onAction} />
      ) : (
        <DataTableGrid
          table={table}
          label="Your client credentials"
          minWidth={980}
          rowAttributes={(credential) => ({ 'data-credential': credential.name })}
        />
      )}
      <DataTablePager table={table} pageSizes={[10, 25, 50]} />
    </>
  );
}
