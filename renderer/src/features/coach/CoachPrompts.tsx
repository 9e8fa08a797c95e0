import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconBulb, IconX } from '@tabler/icons-react';
import type { CoachKind, CoachPromptView } from '../../../../shared/contract/coach';
import classes from './CoachPrompts.module.css';

const KIND_COLOR: Record<CoachKind, string> = {
  acknowledge: 'grape',
  apologise: 'red',
  'own-and-fix': 'orange',
  reassure: 'blue',
  personalise: 'teal',
  'follow-up': 'yellow',
  thank: 'green',
  'invite-community': 'pink',
};

interface Props {
  prompts: CoachPromptView[];
  onInsert: (prompt: CoachPromptView) => void;
  onDismiss: (prompt: CoachPromptView) => void;
}

/**
 * The coach beside the reply: a few short suggestions, each with the evidence in one line and a
 * phrasing to insert and make one's own.
 */
export function CoachPrompts({ prompts, onInsert, onDismiss }: Props) {
  if (prompts.length === 0) return null;
  return (
    <section aria-label="Coach suggestions" className={classes.strip}>
      <Group gap={6} mb={4}>
        <IconBulb size={14} color="var(--mantine-color-grape-7)" aria-hidden />
        <Text size="xs" fw={600} c="grape.8">
          Coach
        </Text>
      </Group>
      <div className={classes.cards}>
        {prompts.map((prompt) => (
          <Paper key={prompt.id} withBorder p={8} radius="sm" className={classes.card} data-testid="coach-prompt" data-kind={prompt.kind} data-message-id={prompt.messageId ?? undefined}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" gap={4}>
                <Badge size="xs" variant="light" color={KIND_COLOR[prompt.kind]}>
                  {prompt.title}
                </Badge>
                <Tooltip label="Not now" withArrow>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Dismiss: ${prompt.title}`} onClick={() => onDismiss(prompt)}>
                    <IconX size={12} />
                  </ActionIcon>
                </Tooltip>
              </Group>
              <Text size="xs" c="dimmed" data-testid="coach-reason">
                {prompt.reason}
              </Text>
              <Text size="sm" className={classes.phrasing} data-testid="coach-text">
                “{prompt.text}”
              </Text>
              <Group justify="flex-end">
                <Button size="compact-xs" variant="light" color={KIND_COLOR[prompt.kind]} onClick={() => onInsert(prompt)} aria-label={`Insert: ${prompt.text}`}>
                  Insert
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
      </div>
    </section>
  );
}
