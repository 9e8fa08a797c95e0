/**
 * How busy the machine and the web host were during a phase (Linux /proc): cores' worth of CPU,
 * so a figure can be read against what else competed for two cores.
 */
import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

function processTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state is field 0, utime 11, stime 12 (all threads: the worker too)
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export interface CpuUse {
  /** cores' worth the web host process used (main thread + analysis worker) */
  hostCores: number;
  /** cores' worth the whole machine used (browser, host, everything) */
  machineCores: number;
}

/** Starts watching; call the result to get the use since. */
export function watchCpu(hostPid: number | undefined): () => CpuUse {
  const started = performance.now();
  const host = hostPid !== undefined ? processTicks(hostPid) : null;
  const machine = machineTicks();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const hostNow = hostPid !== undefined ? processTicks(hostPid) : null;
    const machineNow = machineTicks();
    return {
      hostCores: host !== null && hostNow !== null && seconds > 0 ? (hostNow - host) / TICKS_PER_SECOND / seconds : Number.NaN,
      machineCores: machine && machineNow && seconds > 0 ? (machineNow.busy - machine.busy) / TICKS_PER_SECOND / seconds : Number.NaN,
    };
  };
}
