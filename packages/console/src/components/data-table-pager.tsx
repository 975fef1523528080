import { Group, Pagination, Select, Text } from '@mantine/core';
import type { Table } from '@tanstack/react-table';

/** Which rows are shown of how many match, the page size when it can be chosen, and the pages. */
export function DataTablePager<Row>({ table, pageSizes }: { table: Table<Row>; pageSizes?: number[] }) {
  const matching = table.getFilteredRowModel().rows.length;
  const { pageIndex, pageSize } = table.getState().pagination;
  const pages = table.getPageCount();
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      <Text size="sm" aria-live="polite">
        {matching === 0
          ? 'None shown'
          : `${pageIndex * pageSize + 1}–${Math.min(matching, (pageIndex + 1) * pageSize)} of ${matching}`}
      </Text>
      <Group gap="sm">
        {pageSizes ? (
          <Select
            aria-label="Rows per page"
            data={pageSizes.map(String)}
            value={String(pageSize)}
            onChange={(value) => value && table.setPagination({ pageIndex: 0, pageSize: Number(value) })}
            allowDeselect={false}
            w={80}
          />
        ) : null}
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={pageIndex + 1}
            onChange={(page) => table.setPageIndex(page - 1)}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            size="sm"
          />
        ) : null}
      </Group>
    </Group>
  );
}
