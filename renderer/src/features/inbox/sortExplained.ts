import type { QueueSort } from '../../../../shared/contract/domain';

/** What each order of the queue means, said where the count of conversations is shown. */
export const SORT_EXPLAINED: Record<QueueSort, { short: string; long: string }> = {
  recent: { short: 'newest first', long: 'Newest last message first.' },
  waiting: {
    short: 'waiting for us first, longest on top',
    long: 'Customers waiting for our answer in open work come first, whoever has waited longest on top; then every other conversation (answered, snoozed, resolved), newest first.',
  },
  upset: { short: 'most upset first', long: 'The most negative last customer message first; conversations not yet read come last.' },
  priority: {
    short: 'most urgent first, then waiting',
    long: 'Urgent, high, normal, low; within a priority, customers waiting for our answer in open work first, longest wait on top.',
  },
  target: {
    short: 'soonest response-time breach first',
    long: 'Conversations whose response-time target runs out soonest come first (those already breached on top, the longest breached first); conversations with no clock running (answered, snoozed, resolved) after, newest first.',
  },
};
