import { createTheme, Input, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // teal.9 keeps white button text above WCAG AA contrast (5:1)
  primaryShade: { light: 9, dark: 8 },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '650' },
  components: {
    // text in a field starts where its own direction starts: a right-to-left draft (dir="auto") is
    // laid out from the right (Mantine aligns every field left unless the whole page is right to left)
    Input: Input.extend({ styles: { input: { textAlign: 'start' } } }),
  },
});

const darker = (color: string, share: number) => `color-mix(in srgb, var(--mantine-color-${color}-9) ${share}%, black)`;

/**
 * Contrast for everyone (WCAG AA, checked by the axe test): Mantine's default dimmed text and the
 * text of its "light" badges and active links are too pale on white; these are darker.
 */
export const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  dark: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-teal-light-color': darker('teal', 85),
    '--mantine-primary-color-light-color': darker('teal', 85),
    '--mantine-color-orange-light-color': darker('orange', 70),
    '--mantine-color-red-light-color': darker('red', 80),
    '--mantine-color-yellow-light-color': darker('yellow', 55),
    '--mantine-color-blue-light-color': darker('blue', 85),
    '--mantine-color-violet-light-color': darker('violet', 85),
    '--mantine-color-grape-light-color': darker('grape', 85),
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
    // Mantine lightens a shade-9 button on hover (to teal.8: 3.9:1 with white); darken it instead
    '--mantine-primary-color-filled-hover': darker('teal', 80),
    '--mantine-color-teal-filled-hover': darker('teal', 80),
  },
});
