import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Resident memory of this process while some work ran. */
export interface RssSample {
  startBytes: number;
  peakBytes: number;
  growthBytes: number;
}

let collect: (() => void) | null = null;

/** Runs a full garbage collection, so that a baseline is not inflated by garbage left by earlier work. */
export function collectGarbage(): void {
  if (!collect) {
    // Exposes gc() without a command-line flag: the flag applies to contexts created after it is set.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/** Samples this process's RSS every `intervalMs` from a garbage-collected start until stop() is called. */
export function sampleRss(intervalMs = 50): { stop(): RssSample } {
  collectGarbage();
  const startBytes = process.memoryUsage.rss();
  let peakBytes = startBytes;
  const timer = setInterval(() => {
    peakBytes = Math.max(peakBytes, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peakBytes = Math.max(peakBytes, process.memoryUsage.rss());
      return { startBytes, peakBytes, growthBytes: peakBytes - startBytes };
    },
  };
}
