import { Center, Loader } from '@mantine/core';

export function ScreenLoading() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}
