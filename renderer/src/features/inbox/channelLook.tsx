import { IconMail, IconMessageCircle, IconPhone, type Icon } from '@tabler/icons-react';
import type { Channel, ConversationStatus } from '../../../../shared/contract/domain';

export const CHANNEL_LOOK: Record<Channel, { label: string; icon: Icon; color: string }> = {
  chat: { label: 'Chat', icon: IconMessageCircle, color: 'violet' },
  email: { label: 'E-mail', icon: IconMail, color: 'blue' },
  voice: { label: 'Call', icon: IconPhone, color: 'orange' },
};

export const STATUS_LOOK: Record<ConversationStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'teal' },
  pending: { label: 'Pending', color: 'yellow' },
  snoozed: { label: 'Snoozed', color: 'gray' },
  resolved: { label: 'Resolved', color: 'gray' },
};
