import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CustomerConnectionRow } from '../../../../shared/contract/connection';
import { formatScore } from '../customer/connectionLook';

interface Props {
  /** The at-risk customers falling fastest first (a few). */
  items: CustomerConnectionRow[];
  total: number;
  selectedId: number | null;
  onSelect: (customerId: number) => void;
  onShowAll: () => void;
}

/** The customers a supervisor should act on first, each with why they are at risk in plain words. */
export function AtRiskSection({ items, total, selectedId, onSelect, onShowAll }: Props) {
  return (
    <Paper component="section" aria-labelledby="at-risk-title" withBorder radius={0} p="sm" style={{ borderLeft: 0, borderRight: 0, borderTop: 0, background: 'var(--mantine-color-red-0)' }}>
      <Group justify="space-between" mb={6}>
        <Group gap={6}>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-8)" aria-hidden />
          <Text id="at-risk-title" size="sm" fw={700}>
            At risk ({total.toLocaleString()})
          </Text>
        </Group>
        {total > items.length && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={onShowAll}>
            Show all {total.toLocaleString()} at risk
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="xs" c="dimmed">
          No one is at risk right now.
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="At-risk customers">
          {items.map((row) => (
            <li key={row.customerId}>
              <UnstyledButton
                onClick={() => onSelect(row.customerId)}
                aria-current={row.customerId === selectedId ? 'true' : undefined}
                data-testid="at-risk-customer"
                w="100%"
                p={4}
                style={{ borderRadius: 4, background: row.customerId === selectedId ? 'var(--mantine-color-red-1)' : undefined }}
              >
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} truncate>
                    {row.displayName}
                  </Text>
                  <Badge size="xs" variant="light" color="red" style={{ flexShrink: 0 }}>
                    {formatScore(row.score)}
                  </Badge>
                  {row.overdueFollowUps > 0 && (
                    <Badge size="xs" variant="light" color="red" style={{ flexShrink: 0 }}>
                      {row.overdueFollowUps} overdue
                    </Badge>
                  )}
                </Group>
                {row.risks.length > 0 && (
                  <Text size="xs" c="red.9" data-testid="at-risk-reasons">
                    {row.risks.join('; ')}
                  </Text>
                )}
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
