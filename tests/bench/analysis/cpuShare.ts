import fs from 'node:fs';
import os from 'node:os';

/**
 * How busy the machine's cores were during a run, and how much of that was this process: the
 * other engineers' builds and tests share these cores, and a figure taken under their load says so.
 */
export interface CpuShare {
  /** Cores' worth of CPU this process used (main thread, worker, onnxruntime threads). */
  ours: number;
  /** Cores' worth used by everything else on the machine (null where /proc/stat is missing). */
  others: number | null;
  cores: number;
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export function startCpuShare(): () => CpuShare {
  const cores = os.cpus().length;
  const startedAt = performance.now();
  const ours = process.cpuUsage();
  const machine = machineTicks();
  return () => {
    const wallMs = performance.now() - startedAt;
    const used = process.cpuUsage(ours);
    const oursCores = (used.user + used.system) / 1000 / wallMs;
    const after = machineTicks();
    let others: number | null = null;
    if (machine && after && after.total > machine.total) {
      const busyShare = (after.busy - machine.busy) / (after.total - machine.total);
      others = Math.max(0, busyShare * cores - oursCores);
    }
    return { ours: oursCores, others, cores };
  };
}
