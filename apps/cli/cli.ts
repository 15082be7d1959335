import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ConfigError } from '../../libs/platform/index.js';
import { say, type CliIo } from './cli-io.js';
import { exportCommand, type ExportCommandOptions } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { rebuildCommand } from './commands/rebuild.js';
import { statusCommand } from './commands/status.js';
import { tokenCommand } from './commands/token.js';
import { demoCommand, type DemoCommandOptions } from './commands/demo.js';
import { verifyCommand, type VerifyCommandOptions } from './commands/verify.js';
import { CommandFailed, ExitCode, UsageError } from './exit-codes.js';

const positiveInteger = (max: number) => (value: string): number => {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
  return n;
};

/** An ISO 8601 timestamp with its offset (`2027-01-01T00:00:00+01:00`, `…Z`): a time without one is ambiguous. */
const timestamp = (value: string): Date => {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected an ISO 8601 timestamp with a time zone, e.g. 2027-01-01T00:00:00+01:00');
  }
  return date;
};

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The command line: every command and its options, with help text. Actions run against `io`. */
function program(io: CliIo): Command {
  const cli = new Command('cli')
    .description('Operate the portfolio governance service: schema, projections, the event log, tokens.\n' +
      'Connects to DATABASE_URL, or to the embedded database in DATA_DIR (default ./data) when it is unset.')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  cli.command('migrate')
    .description('apply the event store schema and every read-model migration not yet applied')
    .action(() => migrateCommand(io));

  cli.command('rebuild')
    .description('rebuild a projection (or all) from the log into shadow tables, then swap them in')
    .argument('<projection>', 'a projection name as `status` lists it, or "all"')
    .option('--batch-size <events>', 'events read per batch', positiveInteger(100_000), 2000)
    .action((target: string, options: { batchSize: number }) => rebuildCommand(io, target, options));

  cli.command('status')
    .description('each projection: position, lag behind the head of the log, last update')
    .option('--json', 'print JSON instead of a table', false)
    .action((options: { json: boolean }) => statusCommand(io, options));

  cli.command('export')
    .description('write the event log as NDJSON (one event per line) to stdout or a file')
    .option('--out <file>', 'write to this file (created; refused if it exists) instead of stdout')
    .option('--from <timestamp>', 'only events recorded at or after this time', timestamp)
    .option('--to <timestamp>', 'only events recorded before this time', timestamp)
    .option('--stream <id>', 'only this stream (repeatable)', collect)
    .option('--stream-prefix <prefix>', 'only streams whose id starts with this, e.g. proposal-')
    .option('--keys <file>', 'also write the personal-data keys to this file (a secret: without it a restore reads every person as erased)')
    .action((options: ExportCommandOptions) => exportCommand(io, options));

  cli.command('import')
    .description('append an export to the log; idempotent by event id, so a rerun completes an interrupted import')
    .argument('[file]', 'an NDJSON export, or "-" for stdin', '-')
    .option('--keys <file>', 'restore the personal-data keys exported with the log (an erasure on either side wins)')
    .action((file: string, options: { keys?: string }) => importCommand(io, file, options));

  cli.command('verify')
    .description('recompute every hash and link of the log; exits 1 naming the first broken link')
    .option('--digest <file>', 'check stream heads against this digest kept outside the system (JSON)')
    .option('--json', 'print the whole report as JSON', false)
    .action((options: VerifyCommandOptions) => verifyCommand(io, options));

  cli.command('demo')
    .description('load the demo data set (Herning, 4K, IT-Forsyningen) through the running service\'s API; safe to repeat')
    .option('--url <url>', 'the running service (default http://localhost:$PORT)')
    .action((options: DemoCommandOptions) => demoCommand(io, options));

  cli.command('token')
    .description('print a development bearer token signed with the key pair in DATA_DIR (embedded default only)')
    .requiredOption('--subject <subject>', 'who the token names, e.g. anna@herning.dk')
    .requiredOption('--roles <roles>', 'comma-separated roles, e.g. programme_office,director')
    .requiredOption('--organisation <id>', 'the organisation acted for, e.g. herning')
    .option('--department <id>', 'the department, for department members')
    .option('--ttl <seconds>', 'lifetime in seconds', positiveInteger(366 * 24 * 3600), 3600)
    .action((options: { subject: string; roles: string; organisation: string; department?: string; ttl: number }) => tokenCommand(io, options));

  return cli;
}

/** Runs one command line and answers its exit code: 0 done, 1 failed, 2 bad usage, 130 interrupted. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    await program(io).parseAsync([...argv], { from: 'user' });
    return ExitCode.Done;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed the message (and the help); only help and version requests end well
      return ['commander.helpDisplayed', 'commander.version'].includes(error.code) ? ExitCode.Done : ExitCode.BadUsage;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      say(io, `error: ${error.message}`);
      return ExitCode.BadUsage;
    }
    if (io.signal.aborted) {
      say(io, 'interrupted');
      return ExitCode.Interrupted;
    }
    say(io, `error: ${error instanceof CommandFailed ? error.message : describe(error)}`);
    return ExitCode.Failed;
  }
}

/** The message, and the cause chain when there is one (a driver error often says the useful part there). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? `${error.message} (${describe(error.cause)})` : error.message;
}
