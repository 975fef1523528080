import {
  Box,
  Checkbox,
  type CheckboxProps,
  Group,
  Input,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type Catalog, PermissionSet, type ResourceDefinition } from '@portcullis/core/permissions';
import { IconSearch } from '@tabler/icons-react';
import { type CSSProperties, type ReactNode, useId, useMemo, useState } from 'react';
import { countPermissions, describePermissions } from '../permissions/describe-permissions';
import { matchesResource } from '../permissions/resource-search';
import { SearchRuleNote } from './search-rule-note';

export const notHeldReason = 'You can only assign permissions you currently possess';

/** The resource column stays in sight while the actions scroll sideways on a phone. */
const stickyStart: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
};

type Toggle = { checked: boolean; indeterminate: boolean; disabled: boolean; turnOn: boolean };

/**
 * A row's or column's toggle: ticked when every cell is on, half when some are. A click turns on the cells
 * the person may assign, or off once all of those are on.
 */
function toggleOf(value: PermissionSet, assignable: PermissionSet, cells: [string, string][]): Toggle {
  const open = cells.filter(([r, a]) => assignable.has(r, a));
  const on = cells.filter(([r, a]) => value.has(r, a)).length;
  return {
    checked: cells.length > 0 && on === cells.length,
    indeterminate: on > 0 && on < cells.length,
    disabled: open.length === 0,
    turnOn: !open.every(([r, a]) => value.has(r, a)),
  };
}

function ToggleBox({
  toggle,
  onTurn,
  ...props
}: { toggle: Toggle; onTurn: (on: boolean) => void } & Omit<CheckboxProps, 'onChange'>) {
  const { turnOn, ...state } = toggle;
  return <Checkbox size="xs" {...props} {...state} onChange={() => onTurn(turnOn)} />;
}

/**
 * The scope matrix of FireTail's credential dialog: a row per resource of the catalog, a column per action,
 * row and column toggles, a search over resources and a live summary. Cells the person does not hold are
 * disabled, since nobody can grant what they do not hold; toggles only change cells they may assign.
 */
export function PermissionMatrix({
  catalog,
  value,
  onChange,
  assignable,
  label = 'Permissions',
  toolbar,
}: {
  catalog: Catalog;
  value: PermissionSet;
  onChange: (next: PermissionSet) => void;
  /** What the person may assign: what they hold now. */
  assignable: PermissionSet;
  label?: string;
  /** Shown beside the search box: buttons that fill the matrix, say. */
  toolbar?: ReactNode;
}) {
  const [search, setSearch] = useState('');
  const legendId = useId();
  const rows = useMemo(() => catalog.resources.filter((r) => matchesResource(r, search)), [catalog, search]);
  const total = catalog.resources.length * catalog.actions.length;

  const setCells = (cells: [string, string][], on: boolean) => {
    const open = cells.filter(([r, a]) => assignable.has(r, a)).map(([r, a]) => `${r}:${a}`);
    if (open.length === 0) return;
    const changed = PermissionSet.parse(catalog, open);
    onChange(on ? value.union(changed) : value.minus(changed));
  };
  const rowCells = (resource: string): [string, string][] => catalog.actions.map((a) => [resource, a]);
  const columnCells = (action: string): [string, string][] => rows.map((r) => [r.id, action]);
  const cellTitle = (resource: ResourceDefinition, action: string) => `${resource.name}: ${action}`;

  return (
    <Stack gap="xs">
      <Input.Label id={`${legendId}-label`}>{label}</Input.Label>
      <Input.Description id={legendId}>
        Tick what the credential may do. Boxes you cannot tick are permissions you do not hold:{' '}
        {notHeldReason.toLowerCase()}.
      </Input.Description>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search resources"
          placeholder="Incidents, findings…"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', xs: 300 }}
        />
        {toolbar}
      </Group>
      <Table.ScrollContainer minWidth={640} maxHeight={420}>
        <Table stickyHeader highlightOnHover withTableBorder aria-labelledby={`${legendId}-label`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={stickyStart}>
                Resource
              </Table.Th>
              {catalog.actions.map((action) => (
                <Table.Th key={action} scope="col">
                  <ToggleBox
                    label={action}
                    aria-label={`${action} on every resource shown`}
                    toggle={toggleOf(value, assignable, columnCells(action))}
                    onTurn={(on) => setCells(columnCells(action), on)}
                  />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((resource) => (
              <Table.Tr key={resource.id}>
                <Table.Th scope="row" fw={400} style={stickyStart}>
                  <ToggleBox
                    label={resource.name}
                    toggle={toggleOf(value, assignable, rowCells(resource.id))}
                    onTurn={(on) => setCells(rowCells(resource.id), on)}
                  />
                </Table.Th>
                {catalog.actions.map((action) => {
                  const held = assignable.has(resource.id, action);
                  const box = (
                    <Checkbox
                      aria-label={cellTitle(resource, action)}
                      aria-describedby={held ? undefined : legendId}
                      checked={value.has(resource.id, action)}
                      disabled={!held}
                      onChange={(event) => setCells([[resource.id, action]], event.currentTarget.checked)}
                    />
                  );
                  return (
                    <Table.Td key={action}>
                      {held ? (
                        box
                      ) : (
                        <Tooltip label={notHeldReason} withArrow>
                          <Box w="fit-content">{box}</Box>
                        </Tooltip>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 ? <Text size="sm">No resource matches “{search}”.</Text> : null}
      <Text size="sm" aria-live="polite" data-matrix-summary>
        {countPermissions(value)} of {total} selected — {describePermissions(value, 6)}
      </Text>
      <SearchRuleNote value={value} />
    </Stack>
  );
}
