import { Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import type { Table as TanStackTable } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { CredentialRow } from './client-credential';
import {
  IdCell,
  LastUsedCell,
  NameCell,
  PermissionsCell,
  StatusBadge,
  ValidToCell,
} from './credential-cells';
import { type RowAction, RowMenu } from './row-menu';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="xs" fw={700} w={84} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

/**
 * The credentials as cards, for a phone: the table's rows (searched, sorted, paged and selectable the same
 * way), each field labelled, since nine columns do not fit 390 pixels.
 */
export function CredentialCards({
  table,
  search,
  now,
  onAction,
}: {
  table: TanStackTable<CredentialRow>;
  search: string;
  now: number;
  onAction: (action: RowAction, credential: CredentialRow) => void;
}) {
  const rows = table.getRowModel().rows;
  if (rows.length === 0) {
    return <Text size="sm">No credential matches “{search}”. Clear the search to see them all.</Text>;
  }
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label="Your client credentials"
    >
      {rows.map((row) => {
        const credential = row.original;
        return (
          <Paper withBorder p="sm" key={row.id} component="li" data-credential={credential.name}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Checkbox
                  aria-label={`Select ${credential.name}`}
                  checked={row.getIsSelected()}
                  onChange={row.getToggleSelectedHandler()}
                />
                <NameCell credential={credential} />
              </Group>
              <Group gap={4} wrap="nowrap">
                <StatusBadge enabled={credential.enabled} />
                <RowMenu credential={credential} onAction={onAction} />
              </Group>
            </Group>
            <Stack gap={6} mt="xs">
              <Field label="ID">
                <IdCell credential={credential} />
              </Field>
              <Field label="Valid to">
                <ValidToCell credential={credential} now={now} />
              </Field>
              <Field label="Permissions">
                <PermissionsCell credential={credential} />
              </Field>
              <Field label="Last used">
                <LastUsedCell credential={credential} />
              </Field>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
