import { Alert, Text } from '@mantine/core';
import { ApiError } from './api-error';
import { nextStep } from './next-step';

/**
 * A refusal of the API as the person should read it: the server's message (which says what is wrong and,
 * for a 403, which permission is missing), what the code means, and the request id for a support ticket.
 */
export function RefusalAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const refusal = error instanceof ApiError ? error : undefined;
  const next = refusal ? nextStep(refusal) : undefined;
  return (
    <Alert
      color="red"
      title={title ?? (refusal?.status === 403 ? 'Not allowed' : 'That did not work')}
      role="alert"
    >
      <Text size="sm">{refusal?.message ?? String((error as Error).message ?? error)}</Text>
      {next ? (
        <Text size="sm" mt={4}>
          {next}
        </Text>
      ) : null}
      {refusal?.meaning && refusal.meaning !== refusal.message ? (
        <Text size="xs" c="dimmed" mt={4}>
          {refusal.meaning}
        </Text>
      ) : null}
      {refusal?.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          Code {refusal.code}, request {refusal.requestId}
        </Text>
      ) : null}
    </Alert>
  );
}
