import { Button, Group, Text } from '@mantine/core';
import type { BulkChange } from './bulk-change-dialog';

/** What can be done to a table's selected rows; nothing shows while none is selected. */
export function SelectionActions({
  count,
  label,
  changes,
  onChange,
  onClear,
}: {
  count: number;
  /** The group's accessible name, such as "Selected credentials". */
  label: string;
  /** The changes the person may make. */
  changes: readonly BulkChange[];
  onChange(change: BulkChange): void;
  onClear(): void;
}) {
  if (count === 0) return null;
  return (
    <Group gap="xs" role="group" aria-label={label}>
      <Text size="sm">{count} selected</Text>
      {changes.includes('disable') ? (
        <Button size="xs" variant="default" onClick={() => onChange('disable')}>
          Disable selected
        </Button>
      ) : null}
      {changes.includes('delete') ? (
        <Button size="xs" color="red.9" onClick={() => onChange('delete')}>
          Delete selected
        </Button>
      ) : null}
      <Button size="xs" variant="subtle" onClick={onClear}>
        Clear selection
      </Button>
    </Group>
  );
}
