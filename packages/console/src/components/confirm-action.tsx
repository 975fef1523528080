import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { DialogForm } from './dialog-form';

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
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <DialogForm
        submitLabel={confirmLabel}
        danger={danger}
        onCancel={onClose}
        onSubmit={async () => {
          await onConfirm();
          onClose();
        }}
        renderRefusal={renderRefusal}
      >
        {children}
      </DialogForm>
    </Modal>
  );
}
