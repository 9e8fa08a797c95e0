import { Badge, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { memo } from 'react';
import type { CustomerConnectionRow } from '../../../../shared/contract/connection';
import { ago } from '../../lib/time';
import { formatMovement, formatScore, STAGE_LOOK } from '../customer/connectionLook';
import classes from './CustomerRow.module.css';

/** Put on the element holding the header and the rows: the columns fit its width. */
export const customerColumnsClass = classes.columns;

/** The height of a row of the virtual list. */
export const CUSTOMER_ROW_HEIGHT = 52;

/** Column captions above the rows (the rows carry their own hidden words for screen readers). */
export function CustomerRowHeader() {
  return (
    <div className={classes.header} aria-hidden data-testid="customer-columns">
      {['Customer', 'Index', 'Stage', '30 days', 'Last contact', 'Contacts', 'Overdue'].map((caption) => (
        <Text key={caption} size="xs" fw={600} c="dimmed" className={caption === 'Contacts' ? classes.contacts : undefined}>
          {caption}
        </Text>
      ))}
    </div>
  );
}

interface Props {
  row: CustomerConnectionRow;
  index: number;
  selected: boolean;
  onSelect: (customerId: number) => void;
}

/** One customer: name (and why they are at risk), index with a bar, stage, movement, last contact, contacts, overdue follow-ups. */
export const CustomerRow = memo(function CustomerRow({ row, index, selected, onSelect }: Props) {
  const stage = STAGE_LOOK[row.stage];
  const movement = formatMovement(row.movement30d);
  return (
    <UnstyledButton
      className={classes.row}
      data-selected={selected || undefined}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(row.customerId)}
      data-testid="customer-row"
      data-index={index}
      data-stage={row.stage}
    >
      <div className={classes.name}>
        <Text size="sm" fw={600} truncate dir="auto">
          {row.displayName}
        </Text>
        {row.risks.length > 0 && (
          <Text size="xs" c="red.9" truncate title={row.risks.join('; ')} data-testid="customer-risks">
            {row.risks.join('; ')}
          </Text>
        )}
      </div>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={700} w={32} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
          <VisuallyHidden>Index </VisuallyHidden>
          {formatScore(row.score)}
        </Text>
        <div className={classes.bar} aria-hidden>
          <div className={classes.fill} style={{ width: `${Math.max(0, Math.min(100, row.score))}%`, background: `var(--mantine-color-${stage.color}-6)` }} />
        </div>
      </Group>
      <div>
        <Badge size="sm" variant="light" color={stage.color}>
          {stage.label}
        </Badge>
      </div>
      <Text size="xs" fw={600} c={movement.color} title={movement.label}>
        <VisuallyHidden>{movement.label}</VisuallyHidden>
        <span aria-hidden>{movement.text === 'no change' ? '–' : movement.text}</span>
      </Text>
      <Text size="xs" c="dimmed" truncate>
        <VisuallyHidden>Last contact </VisuallyHidden>
        {row.lastContactAt ? ago(row.lastContactAt) : 'never'}
      </Text>
      <Text size="xs" c="dimmed" className={classes.contacts}>
        {row.contacts.toLocaleString()}
        <VisuallyHidden> contacts</VisuallyHidden>
      </Text>
      <div>
        {row.overdueFollowUps > 0 ? (
          <Badge size="sm" variant="light" color="red" data-testid="customer-overdue">
            {row.overdueFollowUps} overdue
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            <VisuallyHidden>No overdue follow-ups</VisuallyHidden>
            <span aria-hidden>–</span>
          </Text>
        )}
      </div>
    </UnstyledButton>
  );
});
