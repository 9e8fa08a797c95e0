/** The cache key of the people a conversation may be assigned to, with their open counts. */
export const assigneesKey = ['conversations.assignees'] as const;
