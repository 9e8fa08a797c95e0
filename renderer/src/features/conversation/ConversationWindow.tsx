import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { PaneBoundary } from '../../lib/PaneBoundary';
import { CommandPalette } from '../commands/CommandPalette';
import { CustomerAside } from '../customer/CustomerAside';
import { ConversationView } from './ConversationView';

/**
 * A conversation in a window (or tab) of its own: the thread and reply box with the customer panel
 * beside it, kept live like the inbox. Opening another of the customer's conversations from the
 * panel shows it here.
 */
export function ConversationWindow({ conversationId: first }: { conversationId: number }) {
  const client = useClient();
  const [conversationId, setConversationId] = useState(first);
  const detail = useQuery({ queryKey: queryKeys.conversation(conversationId), queryFn: () => client.call('conversations.get', { id: conversationId }) });
  return (
    <div data-window="conversation" style={{ height: '100vh', display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto' }}>
      <section aria-label="Conversation" style={{ minHeight: 0, minWidth: 0 }}>
        <PaneBoundary what="This conversation" resetKeys={[conversationId]}>
          <ConversationView conversationId={conversationId} focusMessageId={null} />
        </PaneBoundary>
      </section>
      <CommandPalette />
      <CustomerAside customerId={detail.data?.customer.id ?? null} currentConversationId={conversationId} onOpen={setConversationId} />
    </div>
  );
}
