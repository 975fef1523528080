import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  Menu,
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
    // The focus placeholder Mantine puts first in a menu is not a menu item (axe: aria-required-children).
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // Relative, so positioned content in a cell (visually hidden text) scrolls with the table instead of
    // widening the page.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { type: 'native', tabIndex: 0, pos: 'relative' },
    }),
    // A dialog's close button is an icon alone: without a name a screen reader announces only "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } },
    // An alert's title is in its colour's shade 9 on shade 1 (3.8:1 for green, less for yellow); in the
    // text colour it reads at any colour, and the tint and icon still tell alerts apart.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
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
    // Red 6, the error colour, is 3.3:1 on white; a field's error message must be read.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.keys(DEFAULT_THEME.colors).flatMap((color) => [
        [`--mantine-color-${color}-filled`, `var(--mantine-color-${color}-9)`],
        [`--mantine-color-${color}-filled-hover`, `var(--mantine-color-${color}-8)`],
      ]),
    ),
  },
  dark: {},
});
