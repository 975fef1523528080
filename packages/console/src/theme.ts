import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  Modal,
  NavLink,
  TableScrollContainer,
} from '@mantine/core';

/**
 * Mantine's defaults, tuned to pass WCAG AA contrast (axe runs on every screen in the browser tests): an
 * indigo primary at shade 7, active navigation links filled, and tables that scroll sideways on a narrow
 * screen reachable by keyboard.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'sm',
  components: {
    NavLink: NavLink.extend({ defaultProps: { variant: 'filled' } }),
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { type: 'native', tabIndex: 0 } }),
    // Mantine's close button shows only an icon; unnamed, a screen reader announces just "button" (axe: critical).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

/**
 * Mantine's "dimmed" text is gray 6, 3.3:1 on white; filled buttons and badges write white on the primary
 * shade (green, yellow, cyan fall below 4.5:1 there). Darker shades keep each colour's meaning and make the
 * text readable. Small coloured text on a pale tint (light badges) stays short of 4.5:1 for green even at
 * shade 9, so statuses use the `dot` variant: dark text beside a coloured dot.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.keys(DEFAULT_THEME.colors).flatMap((color) => [
        [`--mantine-color-${color}-filled`, `var(--mantine-color-${color}-9)`],
        [`--mantine-color-${color}-filled-hover`, `var(--mantine-color-${color}-8)`],
      ]),
    ),
  },
  dark: {},
});
