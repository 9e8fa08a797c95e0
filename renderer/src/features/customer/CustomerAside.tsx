import { ActionIcon, Tooltip } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconLayoutSidebarRightCollapse, IconLayoutSidebarRightExpand } from '@tabler/icons-react';
import { memo, useDeferredValue } from 'react';
import { PaneBoundary } from '../../lib/PaneBoundary';
import { CustomerPanel } from './CustomerPanel';
import classes from './CustomerAside.module.css';

/** Whether the customer panel is shown beside a conversation; remembered on this machine, in every window. */
export const CUSTOMER_PANEL_OPEN_KEY = 'kinship.customerPanel.open';

interface Props {
  /** The customer of the conversation the agent is working in (null while it loads). */
  customerId: number | null;
  currentConversationId: number | null;
  onOpen: (conversationId: number) => void;
}

/**
 * The customer panel beside a conversation — in the inbox, beside two conversations side by side
 * (for the focused one), and in a conversation's own window — folded to a narrow rail on demand.
 */
export const CustomerAside = memo(function CustomerAside({ customerId: openedCustomer, currentConversationId: openedConversation, onOpen }: Props) {
  // the panel follows a step behind (both together): the conversation that was opened is drawn first, the panel in the next render
  const customerId = useDeferredValue(openedCustomer);
  const currentConversationId = useDeferredValue(openedConversation);
  const [open, setOpen] = useLocalStorage<boolean>({ key: CUSTOMER_PANEL_OPEN_KEY, defaultValue: true, getInitialValueInEffect: false });
  return (
    <aside aria-label="Customer" className={classes.aside} data-open={open || undefined}>
      <div className={classes.toggle}>
        <Tooltip label={open ? 'Hide the customer panel' : 'Show the customer panel'} position="left">
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={open ? 'Hide the customer panel' : 'Show the customer panel'} aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? <IconLayoutSidebarRightCollapse size={16} /> : <IconLayoutSidebarRightExpand size={16} />}
          </ActionIcon>
        </Tooltip>
      </div>
      {open && customerId !== null && currentConversationId !== null && (
        <div className={classes.body}>
          <PaneBoundary what="The customer panel" resetKeys={[customerId]}>
            <CustomerPanel customerId={customerId} currentConversationId={currentConversationId} onOpen={onOpen} />
          </PaneBoundary>
        </div>
      )}
    </aside>
  );
});
