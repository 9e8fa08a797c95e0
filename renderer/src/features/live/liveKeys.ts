/** The cache keys of what is live and never stored: who is online, who is in which conversation. */
export const liveKeys = {
  presence: ['presence.list'] as const,
  activity: ['activity.list'] as const,
};
