import cluster from 'node:cluster';
import { isClusterMessage } from './messages.js';

/**
 * In an API worker: close gracefully (the app's own SIGTERM handling) when the primary says so or disappears.
 * A terminal's Ctrl+C reaches the worker directly as well; then the primary's message must not signal it twice,
 * since a second signal during the close would end the process at once.
 */
export function followPrimaryShutdown(): void {
  if (!cluster.isWorker) return;
  let signalled = false;
  // `once`: a listener left behind would keep the app's final re-raised signal from ending the process
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => (signalled = true));
  const close = () => {
    if (signalled) return;
    signalled = true;
    process.kill(process.pid, 'SIGTERM');
  };
  process.on('message', (message: unknown) => {
    if (isClusterMessage(message) && message.type === 'portfolio:shutdown') close();
  });
  process.on('disconnect', close);
}
