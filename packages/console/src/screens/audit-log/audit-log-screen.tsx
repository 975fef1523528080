import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { IconDownload, IconListSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api, basePath } from '../../api/client';
import { RefusalAlert } from '../../api/refusal-alert';
import { EmptyList } from '../../components/empty-list';
import { PageTitle } from '../../layout/page-title';
import { type AuditEvent, AuditEventRow } from './audit-event-rows';
import { AuditFilterForm } from './audit-filter-form';
import { type AuditFilters, auditQuery, noFilters } from './audit-filters';

const pageSize = 50;

/**
 * The organization's audit trail, newest first: filtered by the server, a page at a time (a page may come
 * back short and still have more behind it), and the whole filtered trail as an NDJSON download.
 */
export function Component() {
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = unwrap(
          await api.GET('/api/v1/audit-events', {
            params: {
              query: { ...auditQuery(filters), limit: pageSize, ...(after ? { cursor: after } : {}) },
            },
          }),
        );
        setEvents((shown) => (after ? [...shown, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (refusal) {
        setError(refusal);
      } finally {
        setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const exportUrl = `${basePath}/api/v1/audit-events/export?${new URLSearchParams(auditQuery(filters))}`;
  return (
    <>
      <PageTitle
        title="Audit log"
        description="Every change, sign-in and refusal in this organization, newest first. Token issuance is recorded too."
        actions={
          <Button
            component="a"
            href={exportUrl}
            download="audit-events.ndjson"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Export (NDJSON)
          </Button>
        }
      />
      <AuditFilterForm onApply={setFilters} />
      <RefusalAlert error={error} />
      {events.length === 0 && !loading && !error ? (
        cursor ? (
          <Alert color="gray" title="Nothing in the newest events read">
            No event matched among the events read so far; older ones may. Use "Look further back".
          </Alert>
        ) : (
          <EmptyList
            icon={<IconListSearch aria-hidden />}
            title="No events match"
            description="Change or clear the filters. Every change made in the console or the API appears here."
          />
        )
      ) : null}
      {events.length > 0 ? (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped verticalSpacing="xs" aria-label="Audit events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>Client IP</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => (
                <AuditEventRow key={event.id} event={event} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Group mt="sm" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {loading ? 'Loading…' : `${events.length} events shown${cursor ? '' : ', the oldest reached'}`}
        </Text>
        {cursor ? (
          <Button variant="default" loading={loading} onClick={() => void load(cursor)}>
            {events.length === 0 ? 'Look further back' : 'Load older events'}
          </Button>
        ) : null}
      </Group>
    </>
  );
}
