import { Button, Group, Modal, Stack } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { RefusalAlert } from '../api/refusal-alert';

export interface ConfirmActionProps {
  opened: boolean;
  onClose(): void;
  title: string;
  /** What will happen, and what it affects. */
  children: ReactNode;
  confirmLabel: string;
  /** Red confirm button: the action destroys something or stops something working. */
  danger?: boolean;
  /** Does the action; a throw keeps the dialog open showing the refusal, an answer closes it. */
  onConfirm(): Promise<void>;
  /** Shows a refusal its own way (a list of what blocks it, say); undefined falls back to RefusalAlert. */
  renderRefusal?(error: unknown): ReactNode;
}

/** A question before an action that cannot be undone, which stays open to show why the server refused. */
export function ConfirmAction({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  renderRefusal,
}: ConfirmActionProps) {
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  useEffect(() => {
    if (opened) setRefusal(undefined);
  }, [opened]);

  const confirm = async () => {
    setPending(true);
    setRefusal(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      setRefusal(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        {children}
        {refusal ? (renderRefusal?.(refusal) ?? <RefusalAlert error={refusal} />) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={danger ? 'red.9' : undefined} loading={pending} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
