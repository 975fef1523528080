import { Alert, Text } from '@mantine/core';
import { missingForSearch, PermissionSet } from '@portcullis/core/permissions';
import { IconInfoCircle } from '@tabler/icons-react';

/**
 * Core's search rule where it matters: once a cell of the searching resource is ticked, what searching
 * needs (core says which permissions, from an empty set) and which resource types these permissions can
 * search, so nobody ticks Search and is surprised that it finds nothing.
 */
export function SearchRuleNote({ value }: { value: PermissionSet }) {
  const { catalog } = value;
  const requirement = missingForSearch(PermissionSet.empty(catalog), []);
  const searchResources = new Set(requirement.map((item) => item.split(':')[0]!));
  if (![...searchResources].every((id) => catalog.resourceIndex.has(id))) return null;
  const ticked = catalog.actions.some((action) => [...searchResources].some((id) => value.has(id, action)));
  if (!ticked) return null;

  const searched = catalog.resources.filter((r) => !searchResources.has(r.id));
  const searchable = searched.filter((r) => missingForSearch(value, [r.id]).length === 0);
  const canSearch = missingForSearch(value, []).length === 0;
  let outcome: string;
  if (!canSearch) outcome = `Without ${requirement.join(' and ')} it cannot search at all.`;
  else if (searchable.length === 0)
    outcome = 'It can search nothing yet: tick list on the resource types it should search.';
  else if (searchable.length === searched.length) outcome = 'It can search every resource type.';
  else
    outcome = `It can search ${searchable.length} resource types: ${searchable.map((r) => r.name).join(', ')}.`;

  return (
    <Alert variant="light" color="indigo" icon={<IconInfoCircle />} title="How searching works">
      <Text size="sm">
        Searching needs {requirement.join(' and ')} plus list on every resource type searched. {outcome}
      </Text>
    </Alert>
  );
}
