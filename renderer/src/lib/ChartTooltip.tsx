import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The small card a chart shows for the point under the pointer: one line of text per entry. */
export function ChartTooltip({ lines }: { lines: ReactNode[] }) {
  return (
    <div style={{ background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-gray-3)', padding: 6, borderRadius: 4 }}>
      {lines.map((line, index) => (
        <Text key={index} size="xs">
          {line}
        </Text>
      ))}
    </div>
  );
}
