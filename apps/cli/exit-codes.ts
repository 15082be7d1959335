/** What the process answers: scripts and orchestrators (the Kubernetes migration Job) act on these. */
export const ExitCode = {
  Done: 0,
  Failed: 1,
  BadUsage: 2,
  /** 128 + SIGINT, as shells report a program stopped by Ctrl-C: the work was stopped cleanly, not completed. */
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The command line asked for something that cannot be: exit 2, with the reason and no work done. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The work found a fault it reports as its result (e.g. a broken log): exit 1 without a stack trace. */
export class CommandFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailed';
  }
}
