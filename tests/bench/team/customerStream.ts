/**
 * Customers writing at a steady rate (Poisson arrivals, BENCH_TEAM_RATE a second): a new chat now
 * and then, else a customer of this run writing again in their conversation. Each message goes to
 * one of the servers' ingestion services in turn, as a connector running in that server would
 * hand it over.
 */
import type { IngestMessage } from '../../../shared/contract/ingestion';
import type { BenchServer } from './serverProcesses';

export interface Arrival {
  /** When it was handed to the ingestion service (performance.now()). */
  at: number;
  server: number;
}

const LINES = [
  'Hi, my parcel still has not arrived — can you check where it is?',
  'The cushion cover came torn, what can I do?',
  'Can I change the delivery address on my order?',
  'I was charged twice for the same order.',
  'Any news on this? I am still waiting.',
  'Thanks — and could you also send the invoice?',
];

export interface CustomerStream {
  /** message id → its arrival. */
  arrivals: Map<number, Arrival>;
  /** The newest conversations written in, newest last. */
  recentConversations: number[];
  failures: string[];
  /** Stops writing and waits for the messages handed over to be stored. */
  stop(): Promise<void>;
}

export function startCustomerStream(servers: BenchServer[], perSecond: number, newShare = 0.4): CustomerStream {
  const arrivals = new Map<number, Arrival>();
  const recentConversations: number[] = [];
  const failures: string[] = [];
  const customers: { name: string; handle: string; ref: string }[] = [];
  const inFlight = new Set<Promise<void>>();
  const run = Date.now().toString(36);
  let sent = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const write = () => {
    const index = sent++;
    let customer = customers.length && Math.random() >= newShare ? customers[Math.floor(Math.random() * customers.length)]! : null;
    if (!customer) {
      customer = { name: `Bench Customer ${run}-${index}`, handle: `bench_${run}_${index}`, ref: `bench-team-${run}-${index}` };
      customers.push(customer);
    }
    const item: IngestMessage = {
      channel: 'chat',
      customer: { displayName: customer.name, identities: [{ kind: 'chat', value: customer.handle }] },
      conversation: { externalRef: customer.ref, subject: 'Order question' },
      message: { author: 'customer', body: LINES[index % LINES.length]!, sentAt: Date.now(), externalId: `bench-team-${run}-m${index}`, meta: { handle: customer.handle } },
    };
    const server = servers[index % servers.length]!;
    const at = performance.now();
    const done = server.ingest(item).then(
      ({ messageId, conversationId }) => {
        arrivals.set(messageId, { at, server: server.index });
        recentConversations.push(conversationId);
        if (recentConversations.length > 200) recentConversations.shift();
      },
      (error: unknown) => void failures.push(error instanceof Error ? error.message : String(error)),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };

  // Poisson arrivals: exponential gaps with the given mean, kept to the schedule (not to the answers)
  let next = performance.now();
  const schedule = () => {
    if (stopped) return;
    next += -Math.log(1 - Math.random()) * (1000 / perSecond);
    timer = setTimeout(() => {
      write();
      schedule();
    }, Math.max(0, next - performance.now()));
  };
  schedule();

  return {
    arrivals,
    recentConversations,
    failures,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all([...inFlight]);
    },
  };
}
