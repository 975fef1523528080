import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Table } from '@tanstack/react-table';

/** The search box over every text column of a table; typing starts again at the first page. */
export function DataTableSearch<Row>({
  table,
  label,
  placeholder,
}: {
  table: Table<Row>;
  label: string;
  placeholder?: string;
}) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={table.getState().globalFilter}
      onChange={(event) => table.setGlobalFilter(event.currentTarget.value)}
      w={{ base: '100%', sm: 340 }}
    />
  );
}
