import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type AuditFilters, noFilters } from './audit-filters';

const resultOptions = [
  { value: '', label: 'Any result' },
  { value: 'success', label: 'Succeeded' },
  { value: 'failure', label: 'Refused or failed' },
];

/** The filters of the audit log, applied together when the form is sent. */
export function AuditFilterForm({ onApply }: { onApply(filters: AuditFilters): void }) {
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const set = (key: keyof AuditFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };
  return (
    <form onSubmit={submit} aria-label="Filter audit events">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="sm">
        <TextInput
          label="Actor"
          description="Id of a login or service account"
          value={filters.actor}
          onChange={(e) => set('actor')(e.currentTarget.value)}
        />
        <TextInput
          label="Target"
          description="Id of the object acted on"
          value={filters.target}
          onChange={(e) => set('target')(e.currentTarget.value)}
        />
        <TextInput
          label="Action"
          description="Exact, or a prefix ending in * (token.*)"
          value={filters.action}
          onChange={(e) => set('action')(e.currentTarget.value)}
        />
        <Select
          label="Result"
          data={resultOptions}
          value={filters.result}
          onChange={(value) => set('result')(value ?? '')}
          allowDeselect={false}
        />
        <TextInput
          type="datetime-local"
          label="From"
          description="Your local time, inclusive"
          value={filters.from}
          onChange={(e) => set('from')(e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label="To"
          description="Your local time, exclusive"
          value={filters.to}
          onChange={(e) => set('to')(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group gap="sm" mb="md">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="default"
          onClick={() => {
            setFilters(noFilters);
            onApply(noFilters);
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}
