import { IconCalendarHeart, IconInbox, IconPlayerPlay, IconSettings, IconUsers, type Icon } from '@tabler/icons-react';

export type PageId = 'inbox' | 'customers' | 'replays' | 'day' | 'settings';

export const PAGES: { id: PageId; label: string; icon: Icon }[] = [
  { id: 'inbox', label: 'Inbox', icon: IconInbox },
  { id: 'customers', label: 'Customers', icon: IconUsers },
  { id: 'replays', label: 'Replays', icon: IconPlayerPlay },
  { id: 'day', label: 'Contact-centre day', icon: IconCalendarHeart },
  { id: 'settings', label: 'Settings', icon: IconSettings },
];
