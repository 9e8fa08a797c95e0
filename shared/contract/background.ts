import { z } from 'zod';

/**
 * Whether the host's background work has settled: the analysis backlog read, and the connection
 * index's sweep done. Tests and the screen wait on this instead of on time; a figure computed
 * while work is still going is shown as provisional.
 */
const count = z.number().int().nonnegative();

export const backgroundWorkSchema = z.object({
  analysis: z.object({
    /** Backlog messages waiting to be read. */
    queued: count,
    /** Backlog messages read since the backlog was (re)queued. */
    done: count,
    total: count,
    /** The models (or the lexicon) are loaded and the backlog is read. */
    settled: z.boolean(),
  }),
  index: z.object({
    /** Customers waiting for their index to be (re)computed. */
    pending: count,
    /** Customers whose index could not be computed (everyone else's still is). */
    failed: count,
    /** The background sweep has nothing left to do. */
    settled: z.boolean(),
  }),
  /** Both of the above. */
  settled: z.boolean(),
});

export type BackgroundWork = z.output<typeof backgroundWorkSchema>;
