/**
 * How much of an e-mail's HTML is laid out until the agent asks for the rest: laying out megabytes
 * holds the console for seconds (a 5 MB e-mail took 9 s to open), so, as mail clients do, a very
 * long e-mail shows its start and says so. The cut is made before sanitising, so whatever the cut
 * leaves half-written is sanitised like any other markup.
 */
export const EMAIL_CLIP_CHARS = 200_000;
