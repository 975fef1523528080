import { Table, Text } from '@mantine/core';
import { flexRender, type Table as TanStackTable } from '@tanstack/react-table';
import type { CSSProperties } from 'react';
import type { CredentialRow } from './client-credential';
import { SortableHeader } from './sortable-header';

/** The row's menu stays in sight while the table scrolls sideways on a narrower window. */
const stickyEnd: CSSProperties = { position: 'sticky', right: 0, background: 'var(--mantine-color-body)' };

/** The credentials as a table, for windows wide enough to hold one. */
export function CredentialGrid({ table, search }: { table: TanStackTable<CredentialRow>; search: string }) {
  const rows = table.getRowModel().rows;
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Your client credentials">
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader
                  key={header.id}
                  header={header}
                  style={header.column.id === 'actions' ? stickyEnd : undefined}
                />
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-credential={row.original.name}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id} style={cell.column.id === 'actions' ? stickyEnd : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={table.getVisibleLeafColumns().length}>
                <Text size="sm">No credential matches “{search}”. Clear the search to see them all.</Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
