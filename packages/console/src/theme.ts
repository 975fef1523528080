import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/** Mantine's defaults, with a primary colour whose text on white meets WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'sm',
  // Plain objects, not Component.extend: importing a component here would put it in the first download.
  components: {
    // A dialog's close button is an icon alone: without a name a screen reader announces "button".
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // An alert's title is written in its colour's shade 9 on its shade 1: 3.8:1 for green, less for
    // yellow. In the text colour it reads at any colour; the background and icon still tell them apart.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
  },
});

/**
 * Colours Mantine's defaults leave below WCAG AA's 4.5:1 for text:
 * - "dimmed" text is gray 6, 3.3:1 on white; gray 7 keeps it quieter than the text around it and readable.
 * - The primary light variant (the active navigation link) writes indigo 9 on indigo 1, and on indigo 2
 *   under the pointer: 4.1:1. One step lighter each keeps both above 4.5:1 and the hover visible.
 * - Red buttons (deleting, switching off) are red 7 under white text, 3.8:1; red 9 is 5.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-primary-color-light': 'var(--mantine-color-indigo-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-indigo-1)',
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
