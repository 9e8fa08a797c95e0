import { ActionIcon, Badge, Button, Group, Paper, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconBulb, IconChevronDown, IconChevronUp, IconX } from '@tabler/icons-react';
import { useId, useMemo, useRef } from 'react';
import type { CoachKind, CoachPromptView } from '../../../../shared/contract/coach';
import { usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import { useCommandScope } from '../commands/CommandScope';
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

/** Whether the coach is shown open; remembered on this machine, for every conversation and window. */
export const COACH_OPEN_KEY = 'kinship.coach.open';

interface Props {
  prompts: CoachPromptView[];
  onInsert: (prompt: CoachPromptView) => void;
  onDismiss: (prompt: CoachPromptView) => void;
}

const NO_ACTIONS: PaletteAction[] = [];

/** The first words of a phrasing, for the folded line and the palette. */
function firstWords(text: string, words = 8): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length <= words ? text : `${all.slice(0, words).join(' ')}…`;
}

/**
 * The coach beside the reply: a few short suggestions, each with the evidence in one line and a
 * phrasing to insert and make one's own. Folded to one line (how many, and the most relevant one's
 * first words) until the agent wants it, so the thread keeps the room; the choice is remembered.
 */
export function CoachPrompts({ prompts, onInsert, onDismiss }: Props) {
  const [open, setOpen] = useLocalStorage<boolean>({ key: COACH_OPEN_KEY, defaultValue: false, getInitialValueInEffect: false });
  const cardsId = useId();
  const commandsEnabled = useCommandScope();

  // the latest handlers and prompts, so the palette's entries are offered anew only when what they say changes
  const latest = useRef({ onInsert, onDismiss, prompts, open, setOpen });
  latest.current = { onInsert, onDismiss, prompts, open, setOpen };
  const said = prompts.map((prompt) => `${prompt.id}\u0000${prompt.title}\u0000${prompt.text}`).join('\u0001');
  // the coach's commands, offered in the palette while it has something to say in the focused conversation
  const actions = useMemo<PaletteAction[]>(() => {
    const { prompts: shown } = latest.current;
    if (shown.length === 0) return NO_ACTIONS;
    const find = (id: number) => latest.current.prompts.find((prompt) => prompt.id === id);
    const act = (id: number, what: 'onInsert' | 'onDismiss') => {
      const prompt = find(id);
      if (prompt) latest.current[what](prompt);
    };
    return [
      { id: 'coach-toggle', group: 'Coach', label: open ? 'Fold the coach' : 'Open the coach', run: () => latest.current.setOpen(!latest.current.open) },
      ...shown.flatMap((prompt): PaletteAction[] => [
        { id: `coach-insert-${prompt.id}`, group: 'Coach', label: `Insert coach suggestion: ${prompt.title}`, description: `“${firstWords(prompt.text, 14)}”`, run: () => act(prompt.id, 'onInsert') },
        { id: `coach-dismiss-${prompt.id}`, group: 'Coach', label: `Dismiss coach suggestion: ${prompt.title}`, run: () => act(prompt.id, 'onDismiss') },
      ]),
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `said` stands for the prompts' content
  }, [said, open]);
  usePaletteActions(actions, commandsEnabled);

  if (prompts.length === 0) return null;
  const first = prompts[0]!;
  const count = `${prompts.length} suggestion${prompts.length === 1 ? '' : 's'}`;

  if (!open) {
    return (
      <section aria-label="Coach suggestions" className={classes.strip} data-folded>
        <UnstyledButton className={classes.foldLine} onClick={() => setOpen(true)} aria-expanded={false} aria-controls={cardsId} data-testid="coach-fold">
          <IconBulb size={14} color="var(--mantine-color-grape-7)" aria-hidden />
          <Text span size="xs" fw={600} c="grape.8" className={classes.noShrink}>
            Coach · {count}
          </Text>
          <Text span size="xs" c="dimmed" className={classes.preview} dir="auto">
            {first.title}: “{firstWords(first.text)}”
          </Text>
          <Text span size="xs" c="grape.8" className={classes.noShrink}>
            Show
          </Text>
          <IconChevronUp size={14} aria-hidden className={classes.noShrink} />
        </UnstyledButton>
      </section>
    );
  }
  return (
    <section aria-label="Coach suggestions" className={classes.strip}>
      <UnstyledButton className={classes.foldLine} onClick={() => setOpen(false)} aria-expanded aria-controls={cardsId} data-testid="coach-fold">
        <IconBulb size={14} color="var(--mantine-color-grape-7)" aria-hidden />
        <Text span size="xs" fw={600} c="grape.8" className={classes.preview}>
          Coach · {count}
        </Text>
        <Text span size="xs" c="grape.8" className={classes.noShrink}>
          Fold
        </Text>
        <IconChevronDown size={14} aria-hidden className={classes.noShrink} />
      </UnstyledButton>
      {/* one card under another, scrolled up and down inside the panel: never cut at a side */}
      <div className={classes.cards} id={cardsId} data-testid="coach-cards">
        {prompts.map((prompt) => (
          <Paper key={prompt.id} withBorder px={8} py={6} radius="sm" className={classes.card} data-testid="coach-prompt" data-kind={prompt.kind} data-message-id={prompt.messageId ?? undefined}>
            {/* the actions on the card's first line, where a squeezed panel still shows them */}
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap={6}>
              <Group gap={4} className={classes.heading}>
                <Badge size="xs" variant="light" color={KIND_COLOR[prompt.kind]} maw="100%" title={prompt.title}>
                  {prompt.title}
                </Badge>
                <Text span size="xs" c="dimmed" data-testid="coach-reason">
                  {prompt.reason}
                </Text>
              </Group>
              <Group gap={2} wrap="nowrap" className={classes.noShrink}>
                <Button size="compact-xs" variant="light" color={KIND_COLOR[prompt.kind]} onClick={() => onInsert(prompt)} aria-label={`Insert: ${prompt.text}`}>
                  Insert
                </Button>
                <Tooltip label="Not now" withArrow>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Dismiss: ${prompt.title}`} onClick={() => onDismiss(prompt)}>
                    <IconX size={12} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            <Text size="sm" mt={2} className={classes.phrasing} data-testid="coach-text" dir="auto">
              “{prompt.text}”
            </Text>
          </Paper>
        ))}
      </div>
    </section>
  );
}
