/** Cache keys of the api's reads, so events can refresh exactly what they touch. */
export const queryKeys = {
  status: ['workspace.status'] as const,
  conversations: (filter: object) => ['conversations.list', filter] as const,
  allConversations: ['conversations.list'] as const,
  /** A conversation (opened at its newest page, or around a message such as a search hit); invalidating the id refreshes both. */
  conversation: (id: number, aroundMessageId: number | null = null) =>
    (aroundMessageId === null ? ['conversations.get', id] : ['conversations.get', id, aroundMessageId]) as readonly unknown[],
  /** A conversation's emotion track: its own key, so sends and status changes do not read it again. */
  track: (id: number) => ['conversations.track', id] as const,
  search: (query: string, filter: object = {}) => ['messages.search', query, filter] as const,
  customerProfile: (id: number) => ['customers.profile', id] as const,
  allCustomerProfiles: ['customers.profile'] as const,
  /** The current person's saved views and where they left the inbox. */
  views: ['views.list'] as const,
};
