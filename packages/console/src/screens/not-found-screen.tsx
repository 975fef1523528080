import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundScreen() {
  return (
    <Stack>
      <Title order={1}>Nothing here</Title>
      <Text>This address names no screen of the console.</Text>
      <Anchor component={Link} to="/">
        Go to the overview
      </Anchor>
    </Stack>
  );
}
