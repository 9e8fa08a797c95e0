/** The team bench's figures as markdown. */
import os from 'node:os';
import { count, max, median, ms, percentile, verdict } from '../ui/stats';
import type { AgentFigures } from './simulatedAgent';
import type { EventReach } from './eventReach';

export interface TeamRun {
  settings: { processes: number; agents: number; perSecond: number; seconds: number; eventWaitMs: number; conversations: number; messages: number; reused: boolean };
  agents: AgentFigures;
  reach: EventReach;
  arrivalsStored: number;
  arrivalFailures: string[];
  load: { start: number[]; end: number[] };
  /** Cores' worth each server process used during the measured phase (main thread and its workers). */
  serverCores: number[];
  machineCores: number;
  benchCores: number;
  signInMs: number[];
}

const row = (label: string, values: readonly number[], p50Target: number | null, p95Target: number | null) =>
  `| ${label} | ${ms(median(values))} | ${ms(percentile(values, 95))} | ${ms(max(values))} | ${count(values.length)} | ${p50Target === null ? '—' : `≤ ${p50Target} → ${verdict(median(values), p50Target)}`} | ${p95Target === null ? '—' : `≤ ${p95Target} → ${verdict(percentile(values, 95), p95Target)}`} |`;

export function teamReport(run: TeamRun): string {
  const { settings, agents, reach } = run;
  const lines: string[] = [];
  const both = (record: Record<'arrival' | 'reply', number[]>) => [...record.arrival, ...record.reply];
  lines.push('## bench:team — a team on one queue');
  lines.push('');
  lines.push(
    `${settings.agents} simulated agents (WebSocket consoles signed in over HTTP; opening, taking, typing, replying at a person's pace) on ${settings.processes} team-server process${settings.processes === 1 ? '' : 'es'} over one PostgreSQL database ` +
      `(${count(settings.conversations)} conversations, ${count(settings.messages)} messages${settings.reused ? ', cached' : ', built for this run'}), ` +
      `customers writing ${settings.perSecond} messages a second (${count(run.arrivalsStored)} stored${run.arrivalFailures.length ? `, ${run.arrivalFailures.length} failed: ${run.arrivalFailures[0]}` : ''}), measured for ${settings.seconds} s.`,
  );
  lines.push('');
  lines.push('| What (ms, as a console sees it) | p50 | p95 | max | n | p50 target | p95 target |');
  lines.push('|---|---:|---:|---:|---:|---|---|');
  lines.push(row('(a) opening a conversation: `conversations.get` → answer', agents.opens, 150, 300));
  lines.push(row("(b) a reply's acknowledgement: `conversations.send` → answer", agents.sends, 100, 250));
  lines.push(row('(c) an event reaching every console: stored → `message.added` at the last console', both(reach.untilLast), null, 250));
  lines.push(row('  … of which customer arrivals', reach.untilLast.arrival, null, 250));
  lines.push(row("  … of which agents' replies", reach.untilLast.reply, null, 250));
  lines.push(row('(c) per console: stored → `message.added` at that console', both(reach.perConsole), null, null));
  lines.push(row('`conversations.take` → answer', agents.takes, null, null));
  lines.push(row('`activity.report` (viewing, typing) → answer', agents.activityReports, null, null));
  lines.push('');
  const outcomes = Object.entries(agents.sendOutcomes).map(([outcome, n]) => `${n} ${outcome}`).join(', ') || 'none';
  lines.push(`Send calls: ${outcomes} (a reply the draft check stopped is sent again with "send anyway", a held one over what arrived; each call counts in (b)). Takes refused because a colleague had it first: ${agents.takeConflicts}.`);
  const errors = Object.entries(agents.errors);
  if (errors.length) lines.push(`Refused calls: ${errors.map(([what, n]) => `${what} × ${n}`).join('; ')}.`);
  lines.push('');
  const totalMessages = reach.messages.arrival + reach.messages.reply;
  const notEverywhere = reach.notEverywhere.arrival + reach.notEverywhere.reply;
  const missed = reach.missedPerConsole.map((entry) => entry.missed);
  lines.push(
    `Events: ${count(totalMessages)} messages (${count(reach.messages.arrival)} arrivals, ${count(reach.messages.reply)} replies); ` +
      (notEverywhere
        ? `**${count(notEverywhere)} did not reach every console** within ${ms(settings.eventWaitMs / 1000, 0)} s after the run (${count(reach.notEverywhere.arrival)} arrivals, ${count(reach.notEverywhere.reply)} replies). ` +
          `Missed per console: median ${ms(median(missed))}, max ${ms(max(missed))} of ${count(totalMessages)}; ${reach.missedPerConsole.filter((entry) => entry.missed > 0).length} of ${reach.missedPerConsole.length} consoles missed some.`
        : 'every one reached every console.'),
  );
  if (settings.processes > 1) {
    lines.push('');
    lines.push('Where events went (message stored by the server in the row → heard by consoles signed in to the server in the column; heard of expected):');
    lines.push('');
    lines.push(`| from \\ to | ${run.reach.route.map((_, index) => `server ${index + 1}`).join(' | ')} |`);
    lines.push(`|---|${run.reach.route.map(() => '---:').join('|')}|`);
    run.reach.route.forEach((to, from) => {
      lines.push(`| server ${from + 1} | ${to.map(({ heard, expected }) => `${count(heard)} of ${count(expected)}${expected ? ` (${Math.round((heard / expected) * 100)} %)` : ''}`).join(' | ')} |`);
    });
  }
  lines.push('');
  lines.push(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}); load average ${run.load.start.map((value) => value.toFixed(2)).join(' ')} at the start of the measured phase, ` +
      `${run.load.end.map((value) => value.toFixed(2)).join(' ')} at its end${run.load.start[0]! > os.cpus().length ? ' (other work was competing for the cores)' : ''}.`,
  );
  lines.push(
    `CPU in use during it (cores' worth): ${run.serverCores.map((cores, index) => `server ${index + 1} ${cores.toFixed(2)}`).join(', ')} (each with its analysis worker); ` +
      `this bench's process (the ${settings.agents} consoles and the customers) ${run.benchCores.toFixed(2)}; the whole machine ${run.machineCores.toFixed(2)} of ${os.cpus().length}.`,
  );
  lines.push(`Signing in (POST /auth/sign-in, scrypt at the server's cost): p50 ${ms(median(run.signInMs))} ms, max ${ms(max(run.signInMs))} ms over ${run.signInMs.length}.`);
  return lines.join('\n');
}
