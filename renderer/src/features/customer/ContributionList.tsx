import { Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { ConnectionContribution } from '../../../../shared/contract/connection';
import { formatPoints } from './connectionLook';

const SHOWN_FIRST = 6;

interface Props {
  contributions: ConnectionContribution[];
  /** Opens the conversation a contribution came from; without it the lines are plain text. */
  onOpen?: (conversationId: number) => void;
}

/** What moved the index, largest effect first: "−12.0 · complaint on 3 March unanswered for 6 days". */
export function ContributionList({ contributions, onOpen }: Props) {
  const [all, setAll] = useState(false);
  if (contributions.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        Nothing has moved the index yet: every customer starts at 20.
      </Text>
    );
  }
  const sorted = [...contributions].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const shown = all ? sorted : sorted.slice(0, SHOWN_FIRST);
  return (
    <div>
      <ul aria-label="What moved the index" data-testid="contributions" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((contribution, i) => {
          const points = formatPoints(contribution.points);
          const text = (
            <>
              <Text span size="xs" fw={700} c={contribution.points < 0 ? 'red.9' : 'teal.9'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {points}
              </Text>
              <Text span size="xs">
                {' · '}
                {contribution.label}
              </Text>
            </>
          );
          return (
            <li key={`${contribution.kind}-${contribution.at}-${i}`} data-testid="contribution" style={{ padding: '2px 0' }}>
              {onOpen && contribution.conversationId !== null ? (
                <Anchor
                  component="button"
                  type="button"
                  underline="hover"
                  c="inherit"
                  ta="left"
                  onClick={() => onOpen(contribution.conversationId!)}
                  title="Open the conversation"
                  style={{ lineHeight: 1.35 }}
                >
                  {text}
                </Anchor>
              ) : (
                <Text size="xs" lh={1.35}>
                  {text}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      {sorted.length > SHOWN_FIRST && (
        <Group mt={4}>
          <Button variant="subtle" size="compact-xs" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? 'Show the largest 6' : `Show all ${sorted.length}`}
          </Button>
        </Group>
      )}
    </div>
  );
}
