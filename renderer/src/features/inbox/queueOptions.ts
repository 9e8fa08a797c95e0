import type { QueueSort } from '../../../../shared/contract/domain';
import { CHANNEL_LOOK } from './channelLook';
import type { ChannelFilter, QueueView } from './InboxToolbar';

/** The choices of each of the queue's filters and sorts: the toolbar's menus and the palette's commands read the same lists. */
export const CHANNEL_OPTIONS: { value: ChannelFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  ...(['chat', 'email', 'voice'] as const).map((value) => ({ value, label: CHANNEL_LOOK[value].label })),
];

export const STATUS_OPTIONS: { value: QueueView['status']; label: string }[] = [
  { value: 'all', label: 'Any status' },
  { value: 'active', label: 'Open work' },
  { value: 'open', label: 'Open' },
  { value: 'pending', label: 'Pending' },
  { value: 'snoozed', label: 'Snoozed' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'breached', label: 'Target breached' },
];

export const ASSIGNEE_OPTIONS: { value: QueueView['assignee']; label: string }[] = [
  { value: 'anyone', label: 'Anyone’s' },
  { value: 'me', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
];

export const MOOD_OPTIONS: { value: QueueView['mood']; label: string }[] = [
  { value: 'any', label: 'Any mood' },
  { value: 'upset', label: 'Upset' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'happy', label: 'Happy' },
];

export const SORT_OPTIONS: { value: QueueSort; label: string }[] = [
  { value: 'recent', label: 'Newest first' },
  { value: 'waiting', label: 'Waiting longest' },
  { value: 'upset', label: 'Most upset first' },
  { value: 'priority', label: 'Priority, then waiting' },
  { value: 'target', label: 'Time left to target' },
];
