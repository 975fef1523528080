import { Checkbox } from '@mantine/core';
import type { ColumnDef, Row } from '@tanstack/react-table';

/** A row's checkbox, named after the row so a person who cannot see the table knows which it selects. */
export function RowCheckbox<T>({ row, name }: { row: Row<T>; name: string }) {
  return (
    <Checkbox
      aria-label={`Select ${name}`}
      checked={row.getIsSelected()}
      onChange={row.getToggleSelectedHandler()}
    />
  );
}

/** A first column of row checkboxes, with one in the heading for every row on the page (`everyLabel`). */
export function selectionColumn<T>(rowName: (row: T) => string, everyLabel: string): ColumnDef<T> {
  return {
    id: 'select',
    enableSorting: false,
    enableGlobalFilter: false,
    header: ({ table }) => (
      <Checkbox
        aria-label={everyLabel}
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => <RowCheckbox row={row} name={rowName(row.original)} />,
  };
}
