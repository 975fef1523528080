import { Button, Group, Modal, Stack } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { RefusalAlert } from '../api/refusal-alert';

/**
 * A question before a change that cannot be undone: what will happen, a cancel and a confirm. The dialog
 * stays open on a refusal and shows it, so the person sees why and can try again or cancel.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (opened) setError(undefined);
  }, [opened]);

  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={() => !pending && onClose()} title={title}>
      <Stack>
        {children}
        <RefusalAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
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
