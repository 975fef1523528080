import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { RefusalAlert } from '../api/refusal-alert';
import { returnPath } from '../session/return-path';
import { useOptionalSession } from '../session/session';

export function SignInScreen() {
  const { session, signedIn } = useOptionalSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const next = returnPath(params.get('next'));
  if (session) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const started = unwrap(
        await api.POST('/api/v1/auth/session', {
          body: { email: String(form.get('email')), password: String(form.get('password')) },
        }),
      );
      signedIn(started);
      navigate(next, { replace: true });
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} component="main">
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Title order={1} size="h2">
              Sign in to Portcullis
            </Title>
            {(location.state as { expired?: boolean } | null)?.expired ? (
              <Alert color="yellow" title="Your session ended">
                Sign in again to go on where you were.
              </Alert>
            ) : null}
            <RefusalAlert error={error} title="Could not sign in" />
            <TextInput
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              required
              data-autofocus
            />
            <PasswordInput label="Password" name="password" autoComplete="current-password" required />
            <Button type="submit" loading={pending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
