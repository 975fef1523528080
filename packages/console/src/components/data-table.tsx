import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataTableGrid } from './data-table-grid';
import { DataTablePager } from './data-table-pager';
import { DataTableSearch } from './data-table-search';
import { type DataTableOptions, type DataTableState, useDataTable } from './use-data-table';

export interface DataTableProps<Row> extends DataTableOptions<Row> {
  /** The table's accessible name, such as "Service accounts". */
  label: string;
  /** Shown instead of the table when there is nothing at all: what to do next. */
  empty: ReactNode;
  searchLabel?: string;
  searchPlaceholder?: string;
  /** Wider than this, the table scrolls sideways inside its box rather than squeezing (390 px screens). */
  minWidth?: number;
  /** Beside the search: what can be done to the selected rows (give the columns a `selectionColumn`). */
  selectionActions?(selection: Omit<DataTableState<Row>, 'table'>): ReactNode;
}

/**
 * A list as a table: search over every text column, sort by clicking a heading, pages of `pageSize`, and
 * actions on a selection. A list that needs more (cards on a phone) builds on the same hook and pieces.
 */
export function DataTable<Row>({
  label,
  empty,
  searchLabel = 'Search',
  searchPlaceholder,
  minWidth = 900,
  selectionActions,
  ...options
}: DataTableProps<Row>) {
  const { table, selected, clearSelection } = useDataTable(options);
  if (options.data.length === 0) return <>{empty}</>;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <DataTableSearch table={table} label={searchLabel} placeholder={searchPlaceholder} />
        {selectionActions?.({ selected, clearSelection })}
      </Group>
      <div>
        <DataTableGrid table={table} label={label} minWidth={minWidth} />
        <DataTablePager table={table} />
      </div>
    </Stack>
  );
}
