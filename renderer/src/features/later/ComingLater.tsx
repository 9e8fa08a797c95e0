import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarHeart, IconPlayerPlay } from '@tabler/icons-react';
import type { PageId } from '../../app/pages';

const PLANS: Record<Exclude<PageId, 'inbox' | 'settings' | 'customers'>, { title: string; icon: typeof IconPlayerPlay; text: string }> = {
  replays: {
    title: 'Replays',
    icon: IconPlayerPlay,
    text: 'Supervisors will replay any session as it happened — messages, drafts, the coach’s prompts and what the agent did with them — and score and coach it. The session log is already being recorded; the replay view is not built yet.',
  },
  day: {
    title: 'Contact-centre day',
    icon: IconCalendarHeart,
    text: 'A guided day for executives: what customers felt this year and why, in their own words, and real anonymised conversations to answer with the coach beside them. It is not built yet.',
  },
};

/** A page a later feature fills: says so plainly instead of showing made-up data. */
export function ComingLater({ page }: { page: Exclude<PageId, 'inbox' | 'settings' | 'customers'> }) {
  const plan = PLANS[page];
  const Icon = plan.icon;
  return (
    <Center h="100%" p="xl">
      <Stack maw={520} align="center" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <Icon size={30} aria-hidden />
        </ThemeIcon>
        <Title order={2}>{plan.title}</Title>
        <Text c="dimmed">{plan.text}</Text>
      </Stack>
    </Center>
  );
}
