import { Select } from '@mantine/core';
import type { Table } from '@tanstack/react-table';

const orders = [
  { value: 'name:asc', label: 'Name, A to Z' },
  { value: 'name:desc', label: 'Name, Z to A' },
  { value: 'validTo:asc', label: 'Expiring first' },
  { value: 'lastUsed:desc', label: 'Used most recently' },
  { value: 'lastUsed:asc', label: 'Used least recently' },
  { value: 'permissions:desc', label: 'Most permissions' },
  { value: 'status:asc', label: 'Disabled first' },
];

/** The cards' sort order, where there are no column headings to click. */
export function SortSelect<Row>({ table }: { table: Table<Row> }) {
  const [sorted] = table.getState().sorting;
  const value = sorted ? `${sorted.id}:${sorted.desc ? 'desc' : 'asc'}` : null;
  return (
    <Select
      aria-label="Sort credentials"
      data={orders}
      value={orders.some((order) => order.value === value) ? value : null}
      placeholder="Sort by"
      onChange={(order) => {
        if (!order) return;
        const [id, direction] = order.split(':') as [string, string];
        table.setSorting([{ id, desc: direction === 'desc' }]);
      }}
      allowDeselect={false}
      w={{ base: '100%', sm: 220 }}
    />
  );
}
