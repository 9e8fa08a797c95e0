import { useMemo, useRef } from 'react';
import { usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import type { QueueView } from './InboxToolbar';
import { ASSIGNEE_OPTIONS, CHANNEL_OPTIONS, MOOD_OPTIONS, SORT_OPTIONS, STATUS_OPTIONS } from './queueOptions';

/** Each filter of the queue, how the palette names it, and its choices (the toolbar's own lists). */
const FILTERS: { key: keyof QueueView; verb: string; options: { value: string; label: string }[] }[] = [
  { key: 'channel', verb: 'Show channel', options: CHANNEL_OPTIONS },
  { key: 'status', verb: 'Show status', options: STATUS_OPTIONS },
  { key: 'assignee', verb: 'Show assignee', options: ASSIGNEE_OPTIONS },
  { key: 'mood', verb: 'Show mood', options: MOOD_OPTIONS },
  { key: 'sort', verb: 'Sort the queue', options: SORT_OPTIONS },
];

/** The queue's filters and sorts as palette commands ("Sort the queue: Waiting longest"), each choice but the one in force. */
export function useQueueCommands(view: QueueView, onView: (view: QueueView) => void): void {
  const latest = useRef({ view, onView });
  latest.current = { view, onView };
  const actions = useMemo<PaletteAction[]>(
    () =>
      FILTERS.flatMap(({ key, verb, options }) =>
        options
          .filter((option) => option.value !== view[key])
          .map((option) => ({
            id: `queue-${key}-${option.value}`,
            group: 'Queue',
            label: `${verb}: ${option.label}`,
            run: () => latest.current.onView({ ...latest.current.view, [key]: option.value }),
          })),
      ),
    [view],
  );
  usePaletteActions(actions);
}
