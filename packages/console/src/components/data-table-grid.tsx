import { Table, Text } from '@mantine/core';
import { flexRender, type Table as TanStackTable } from '@tanstack/react-table';
import type { CSSProperties } from 'react';
import { SortableHeader } from './sortable-header';

/** A row's "…" menu stays in sight while the table scrolls sideways on a narrower window. */
const stickyEnd: CSSProperties = { position: 'sticky', right: 0, background: 'var(--mantine-color-body)' };
const stickyIfActions = (columnId: string) => (columnId === 'actions' ? stickyEnd : undefined);

/** What a search that matches nothing says, in a table or in a list of cards. */
export function NothingMatches<Row>({ table }: { table: TanStackTable<Row> }) {
  return (
    <Text size="sm">
      Nothing matches “{table.getState().globalFilter}”. Clear the search to see them all.
    </Text>
  );
}

/** The current page of a table's rows, with headings that sort. */
export function DataTableGrid<Row>({
  table,
  label,
  minWidth,
  rowAttributes,
}: {
  table: TanStackTable<Row>;
  /** The table's accessible name, such as "Service accounts". */
  label: string;
  /** Wider than this, the table scrolls sideways inside its box rather than squeezing (390 px screens). */
  minWidth: number;
  /** Data attributes of a row's element, such as a name tests and styles can find it by. */
  rowAttributes?(row: Row): Record<`data-${string}`, string>;
}) {
  const rows = table.getRowModel().rows;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} style={stickyIfActions(header.column.id)} />
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} {...rowAttributes?.(row.original)}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id} style={stickyIfActions(cell.column.id)}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={table.getVisibleLeafColumns().length}>
                <NothingMatches table={table} />
              </Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
