import 'reflect-metadata';
import { runCli } from './cli.js';
import { abortOnInterrupt } from './interrupt.js';

const interrupt = abortOnInterrupt(
  (line) => process.stderr.write(`${line}\n`),
  (code) => process.exit(code),
);
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
});
interrupt.dispose();
process.exitCode = code;
// everything the command opened is closed; should a library still hold a handle, do not hang on it
setTimeout(() => process.exit(code), 5000).unref();
