import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { RefusalAlert } from '../api/refusal-alert';
import { useAttempt } from '../api/use-attempt';

export interface DialogFormProps {
  /** Makes the change; a throw keeps the dialog open showing why, so the person can correct it or cancel. */
  onSubmit(): Promise<void>;
  onCancel(): void;
  submitLabel: string;
  /** Red submit: the change destroys something or stops something working. */
  danger?: boolean;
  /** Held back while the fields break a rule the dialog already explains beside them. */
  disabled?: boolean;
  /** What the dialog's own checks found wrong on submit, said before anything is sent. */
  problem?: string;
  refusalTitle?: string;
  /** Shows a refusal its own way (what blocks it, with a way out); undefined falls back to RefusalAlert. */
  renderRefusal?(refusal: unknown): ReactNode;
  /** The dialog checks its fields itself and says more than the browser's bubble would. */
  noValidate?: boolean;
  children: ReactNode;
}

/**
 * The body of a dialog that changes something: its fields, the server's refusal, then Cancel and the submit
 * button, which waits for the answer. It lives inside the Modal, so every opening starts without a refusal.
 */
export function DialogForm({
  onSubmit,
  onCancel,
  submitLabel,
  danger,
  disabled,
  problem,
  refusalTitle,
  renderRefusal,
  noValidate,
  children,
}: DialogFormProps) {
  const { pending, refusal, run } = useAttempt();
  return (
    <form
      noValidate={noValidate}
      onSubmit={(event) => {
        event.preventDefault();
        void run(onSubmit);
      }}
    >
      <Stack>
        {children}
        {problem ? (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        ) : null}
        {refusal && renderRefusal ? (
          renderRefusal(refusal)
        ) : (
          <RefusalAlert error={refusal} title={refusalTitle} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" color={danger ? 'red.9' : undefined} loading={pending} disabled={disabled}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
