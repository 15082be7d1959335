/**
 * The first Ctrl-C aborts the returned signal, so that the running command stops at its next batch boundary and
 * cleans up (a rebuild drops its shadow tables, an import rolls back its open batch). A second Ctrl-C exits at once.
 */
export function abortOnInterrupt(notify: (line: string) => void, exitNow: (code: number) => never): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) exitNow(130);
    notify('interrupted: stopping after the current batch (Ctrl-C again to quit at once)');
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
