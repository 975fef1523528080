import { Alert, List, Text } from '@mantine/core';
import { type ReactNode, useRef } from 'react';
import { ApiError } from '../api/api-error';
import { RefusalAlert } from '../api/refusal-alert';
import { ConfirmAction } from './confirm-action';

export type BulkChange = 'disable' | 'delete';

interface Named {
  id: string;
  name: string;
}

/** The items a bulk change could not change, each with the refusal it got. */
class BulkRefusal<T extends Named> extends Error {
  constructor(readonly refused: { item: T; error: unknown }[]) {
    super(`Not done for ${refused.map(({ item }) => item.name).join(', ')}`);
  }
}

const verbs = { disable: 'Disable', delete: 'Delete' } as const;

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

export interface BulkChangeDialogProps<T extends Named> {
  change: BulkChange;
  items: T[];
  /** What one item and several are called, in lower case: "credential", "credentials". */
  noun: { one: string; many: string };
  /** What the change does to them. */
  effect: string;
  apply(change: BulkChange, item: T): Promise<void>;
  /** Why an item was refused; the server's message unless a refusal deserves more (who blocks it, say). */
  reason?(error: unknown): ReactNode;
  onDone(): void;
  onClose(): void;
}

/**
 * Disable or delete one item or a selection, after a confirmation that lists every item affected. Each is
 * changed on its own; those refused are named with the reason, and the rest stay done.
 */
export function BulkChangeDialog<T extends Named>({
  change,
  items,
  noun,
  effect,
  apply,
  reason = messageOf,
  onDone,
  onClose,
}: BulkChangeDialogProps<T>) {
  // Those already changed are not sent again when the person retries after a refusal.
  const done = useRef(new Set<string>());
  const confirm = async () => {
    const refused: { item: T; error: unknown }[] = [];
    for (const item of items) {
      if (done.current.has(item.id)) continue;
      try {
        await apply(change, item);
        done.current.add(item.id);
      } catch (error) {
        refused.push({ item, error });
      }
    }
    onDone();
    if (refused.length > 0) throw new BulkRefusal(refused);
  };
  const many = noun.many.charAt(0).toUpperCase() + noun.many.slice(1);
  return (
    <ConfirmAction
      opened
      title={`${verbs[change]} ${items.length === 1 ? `this ${noun.one}` : `${items.length} ${noun.many}`}?`}
      confirmLabel={verbs[change]}
      danger={change === 'delete'}
      onConfirm={confirm}
      onClose={onClose}
      renderRefusal={(error) =>
        error instanceof BulkRefusal ? (
          <Alert color="red" role="alert" title={`Not done for ${error.refused.length} of ${items.length}`}>
            <Text size="sm">
              {items.length > error.refused.length ? 'The others are done. ' : ''}These were refused:
            </Text>
            <List size="sm" aria-label={`${many} refused`} spacing={2} mt={4}>
              {(error as BulkRefusal<T>).refused.map(({ item, error: refusal }) => (
                <List.Item key={item.id}>
                  <Text span fw={600} size="sm">
                    {item.name}
                  </Text>
                  : {reason(refusal)}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <RefusalAlert error={error} />
        )
      }
    >
      <Text size="sm">{effect}</Text>
      <List size="sm" aria-label={`${many} affected`} spacing={2}>
        {items.map((item) => (
          <List.Item key={item.id}>
            <Text span fw={600} size="sm">
              {item.name}
            </Text>{' '}
            <Text span size="xs" ff="monospace">
              {item.id}
            </Text>
          </List.Item>
        ))}
      </List>
    </ConfirmAction>
  );
}
