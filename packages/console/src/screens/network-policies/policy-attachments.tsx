import { List, Text } from '@mantine/core';
import type { Answer } from '../../api/answer-type';

export type PolicyWithAttachments = Answer<'/api/v1/network-policies/{id}', 'get'>;
type Attachments = PolicyWithAttachments['attachedTo'];

export function isAttached(attachedTo: Attachments): boolean {
  return attachedTo.organization || attachedTo.logins.length > 0 || attachedTo.serviceAccounts.length > 0;
}

/** What a policy applies to, named: the organization, people by email, service accounts by name. */
export function PolicyAttachments({ attachedTo }: { attachedTo: Attachments }) {
  if (!isAttached(attachedTo)) {
    return <Text size="sm">Attached to nothing yet: it applies nowhere until it is attached.</Text>;
  }
  return (
    <List size="sm" spacing={2}>
      {attachedTo.organization ? <List.Item>The whole organization</List.Item> : null}
      {attachedTo.serviceAccounts.map((sa) => (
        <List.Item key={sa.id}>Service account {sa.name}</List.Item>
      ))}
      {attachedTo.logins.map((login) => (
        <List.Item key={login.id}>Person {login.email}</List.Item>
      ))}
    </List>
  );
}
