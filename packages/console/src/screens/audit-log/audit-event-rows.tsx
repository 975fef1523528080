import { Badge, Code, Table, Text } from '@mantine/core';
import type { Answer } from '../../api/answer-type';

export type AuditEvent = Answer<'/api/v1/audit-events', 'get'>['items'][number];

const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function who(party: { type: string | null; id: string | null }): string {
  return party.id ? `${party.type} ${party.id}` : (party.type ?? '—');
}

/** One event: when, what, how it ended, who, on what, from where, and its details. */
export function AuditEventRow({ event }: { event: AuditEvent }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={event.occurredAt}>{localTime.format(new Date(event.occurredAt))}</time>
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{event.action}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={event.result === 'success' ? 'green' : 'red'} variant="dot">
          {event.result === 'success' ? 'success' : `failure${event.reason ? `: ${event.reason}` : ''}`}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{who(event.actor)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{who(event.target)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{event.clientIp ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        {event.details ? (
          <Code block fz="xs" maw={360} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {JSON.stringify(event.details)}
          </Code>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
