/** Cache keys of the api's reads, so events can refresh exactly what they touch. */
export const queryKeys = {
  status: ['workspace.status'] as const,
  conversations: (filter: object) => ['conversations.list', filter] as const,
  allConversations: ['conversations.list'] as const,
  conversation: (id: number) => ['conversations.get', id] as const,
  search: (query: string) => ['messages.search', query] as const,
  customerProfile: (id: number) => ['customers.profile', id] as const,
  allCustomerProfiles: ['customers.profile'] as const,
};
