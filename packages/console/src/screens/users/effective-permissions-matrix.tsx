import { Group, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { Catalog } from '@portcullis/core/permissions';
import { IconCheck, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { matchesResource } from '../../permissions/resource-search';
import type { EffectivePermissions } from './effective-permissions';

/**
 * A user's effective permissions, read-only: a row per catalog resource, a column per action, and in each
 * held cell what grants it, so nobody has to work out effective rights from role lists.
 */
export function EffectivePermissionsMatrix({
  catalog,
  effective,
}: {
  catalog: Catalog;
  effective: EffectivePermissions;
}) {
  const [search, setSearch] = useState('');
  const [onlyHeld, setOnlyHeld] = useState(false);
  const rows = catalog.resources.filter(
    (resource) =>
      matchesResource(resource, search) &&
      (!onlyHeld || catalog.actions.some((action) => effective.held.has(resource.id, action))),
  );
  const heldCount = effective.held.cells().length;
  const total = catalog.resources.length * catalog.actions.length;

  return (
    <>
      <Group align="flex-end" mb="sm" gap="md">
        <TextInput
          label="Search resources"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={300}
        />
        <Switch
          label="Only resources it holds something on"
          checked={onlyHeld}
          onChange={(e) => setOnlyHeld(e.currentTarget.checked)}
        />
      </Group>
      <Text size="sm" mb="xs" aria-live="polite">
        Holds {heldCount} of {total} permissions.
      </Text>
      <Table.ScrollContainer minWidth={860}>
        <Table striped withColumnBorders verticalSpacing={4} aria-label="Effective permissions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Resource</Table.Th>
              {catalog.actions.map((action) => (
                <Table.Th key={action} scope="col">
                  {action}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((resource) => (
              <Table.Tr key={resource.id}>
                <Table.Th scope="row" fw={500}>
                  <Text size="sm">{resource.name}</Text>
                  <Text size="xs" c="dimmed">
                    {resource.id}
                  </Text>
                </Table.Th>
                {catalog.actions.map((action) => {
                  const sources = effective.sourcesOf(resource.id, action);
                  return (
                    <Table.Td key={action}>
                      {sources.length > 0 ? (
                        <Group gap={4} wrap="nowrap" align="flex-start">
                          <IconCheck size={14} color="var(--mantine-color-teal-8)" aria-hidden />
                          <Text size="xs">
                            <VisuallyHidden>Granted by </VisuallyHidden>
                            {sources.join(', ')}
                          </Text>
                        </Group>
                      ) : (
                        <Text size="xs" c="dimmed">
                          <span aria-hidden>—</span>
                          <VisuallyHidden>Not held</VisuallyHidden>
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {onlyHeld && !search.trim() ? 'It holds no permission at all.' : `No resource matches "${search}".`}
        </Text>
      ) : null}
    </>
  );
}
