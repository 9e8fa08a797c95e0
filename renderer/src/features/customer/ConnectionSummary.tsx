import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { ProvisionalNote } from './ProvisionalNote';
import type { ConnectionIndex } from '../../../../shared/contract/connection';
import { formatMovement, formatScore, STAGE_LOOK } from './connectionLook';

/** The index at a glance: the score, the stage, how it moved in 30 days, and why the customer is at risk. */
export function ConnectionSummary({ index }: { index: ConnectionIndex }) {
  const stage = STAGE_LOOK[index.stage];
  const movement = formatMovement(index.movement30d);
  return (
    <Stack gap={6} data-testid="connection-summary">
      <Group gap="sm" align="center" wrap="nowrap">
        <Text fz={36} fw={700} lh={1} aria-label={`Connection index ${formatScore(index.score)} out of 100`} data-testid="connection-score">
          {formatScore(index.score)}
        </Text>
        <Stack gap={2}>
          <Badge variant="light" color={stage.color} data-testid="connection-stage">
            {stage.label}
          </Badge>
          <Text size="xs" c={movement.color} fw={600} aria-label={movement.label} title={movement.label}>
            {movement.text}
            <Text span size="xs" c="dimmed" fw={400}>
              {' '}
              in 30 days
            </Text>
          </Text>
        </Stack>
      </Group>
      {index.provisional && <ProvisionalNote testId="connection-provisional" />}
      {index.risks.length > 0 && (
        <div>
          <Text size="xs" fw={700} c="red.9">
            At risk because:
          </Text>
          <List size="xs" spacing={2} aria-label="Why this customer is at risk" data-testid="connection-risks">
            {index.risks.map((risk) => (
              <List.Item key={risk}>{risk}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
