import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * For a worker thread whose work can wait (the writer's batches, the reader's long audit reads): on Linux a
 * thread has its own nice value, and raising this one's lets the scheduler run the event loop (and the
 * signing thread) first whenever the cores are busy, so the background work waits rather than a token
 * request. Elsewhere the thread keeps the process's priority.
 */
export function yieldToTheEventLoop(nice: number): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(threadId, nice);
  } catch {
    // Not Linux, or not permitted: the thread's work is cut into small pieces either way.
  }
}
