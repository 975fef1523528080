import {
  type ColumnDef,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type RowSelectionState,
  type SortingState,
  type Table,
  type Updater,
  useReactTable,
  type VisibilityState,
} from '@tanstack/react-table';
import { useEffect, useState } from 'react';

export interface DataTableOptions<Row> {
  data: Row[];
  // biome-ignore lint/suspicious/noExplicitAny: TanStack types each column's value separately.
  columns: ColumnDef<Row, any>[];
  getRowId(row: Row): string;
  pageSize?: number;
  /** The order before the person picks one. */
  initialSort?: SortingState;
  /** Columns the search looks in that the table does not show. */
  hiddenColumns?: VisibilityState;
}

export interface DataTableState<Row> {
  table: Table<Row>;
  /** The selected rows still in `data`: a selection of rows that have gone since changes nothing. */
  selected: Row[];
  clearSelection(): void;
}

/**
 * A list's table state, all in the browser: search over every text column, sorting, pages and a selection.
 * A change to the rows (a switch flipped, a row deleted) keeps the page the person is on, or the last page
 * when theirs is gone; a new search starts again at the first.
 */
export function useDataTable<Row>({
  data,
  columns,
  getRowId,
  pageSize = 20,
  initialSort = [],
  hiddenColumns,
}: DataTableOptions<Row>): DataTableState<Row> {
  const [sorting, setSorting] = useState(initialSort);
  const [search, setSearch] = useState('');
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize });
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, globalFilter: search, rowSelection, pagination, columnVisibility: hiddenColumns ?? {} },
    onSortingChange: setSorting,
    onGlobalFilterChange: (update: Updater<string>) => {
      setSearch(update);
      setPagination((current) => ({ ...current, pageIndex: 0 }));
    },
    onRowSelectionChange: setRowSelection,
    onPaginationChange: setPagination,
    autoResetPageIndex: false,
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });

  const lastPage = Math.max(table.getPageCount() - 1, 0);
  useEffect(() => {
    if (pagination.pageIndex > lastPage) setPagination((current) => ({ ...current, pageIndex: lastPage }));
  }, [pagination.pageIndex, lastPage]);

  return {
    table,
    selected: data.filter((row) => rowSelection[getRowId(row)]),
    clearSelection: () => setRowSelection({}),
  };
}
