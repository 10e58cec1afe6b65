#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';
import { shouldUseColor } from './cli/terminal-style.js';

// `dl-quiz --list | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stdin.isTTY === true,
  color: shouldUseColor(process.stdout, process.env),
});
