import { createTheme } from '@mantine/core';

/** Mantine's defaults, with a primary colour whose text on white meets WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'sm',
});
