import { Text } from '@mantine/core';
import { IconHourglassLow } from '@tabler/icons-react';

/** Says that an index was worked out before the feelings it counts were read, so it will still move. */
export function ProvisionalNote({ testId, children = 'provisional — readings still coming in', padded = false }: { testId: string; children?: string; padded?: boolean }) {
  return (
    <Text size="xs" c="dimmed" fs="italic" role="status" {...(padded ? { px: 'sm', pt: 6 } : {})} data-testid={testId} title="Worked out before the customer's messages were read for feeling; it will move once they are.">
      <IconHourglassLow size={12} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
      {children}
    </Text>
  );
}
