import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '650' },
});
