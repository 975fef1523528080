import { Group, Paper, Stack, Text } from '@mantine/core';
import type { Table as TanStackTable } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { CopyableId } from '../../../components/copyable-id';
import { NothingMatches } from '../../../components/data-table-grid';
import { LastUsedText } from '../../../components/last-used-text';
import { RowCheckbox } from '../../../components/row-selection';
import { ValidToText } from '../../../components/valid-to-text';
import type { CredentialRow } from './client-credential';
import { NameCell, PermissionsCell, StatusBadge } from './credential-cells';
import { type CredentialAction, CredentialMenu } from './credential-menu';

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
  now,
  onAction,
}: {
  table: TanStackTable<CredentialRow>;
  now: number;
  onAction: (action: CredentialAction, credential: CredentialRow) => void;
}) {
  const rows = table.getRowModel().rows;
  if (rows.length === 0) return <NothingMatches table={table} />;
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
                <RowCheckbox row={row} name={credential.name} />
                <NameCell credential={credential} />
              </Group>
              <Group gap={4} wrap="nowrap">
                <StatusBadge enabled={credential.enabled} />
                <CredentialMenu credential={credential} onAction={onAction} />
              </Group>
            </Group>
            <Stack gap={6} mt="xs">
              <Field label="ID">
                <CopyableId id={credential.id} of={credential.name} />
              </Field>
              <Field label="Valid to">
                <ValidToText validity={credential} now={now} />
              </Field>
              <Field label="Permissions">
                <PermissionsCell credential={credential} />
              </Field>
              <Field label="Last used">
                <LastUsedText at={credential.lastUsedAt} />
              </Field>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
