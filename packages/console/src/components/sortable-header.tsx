import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { flexRender, type Header } from '@tanstack/react-table';
import type { CSSProperties } from 'react';

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

/** A column heading; where the column sorts, a button that cycles the order, and aria-sort saying it. */
export function SortableHeader<Row>({
  header,
  style,
}: {
  header: Header<Row, unknown>;
  style?: CSSProperties;
}) {
  const { column } = header;
  const label = flexRender(column.columnDef.header, header.getContext());
  if (!column.getCanSort())
    return (
      <Table.Th scope="col" style={style}>
        {label}
      </Table.Th>
    );
  const sorted = column.getIsSorted();
  const Icon = sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th
      scope="col"
      aria-sort={sorted ? ariaSort[sorted] : 'none'}
      style={{ whiteSpace: 'nowrap', ...style }}
    >
      <UnstyledButton onClick={column.getToggleSortingHandler()} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
