#!/usr/bin/env node
import { applyCliV8Flags } from './v8-flags.js';

applyCliV8Flags();
// Imported after the flags are set, so that the engine's regular expressions compile under them.
const { runCli } = await import('./run.js');

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTerminal: process.stdout.isTTY === true,
});
