/** A failure the CLI reports as one line (no stack) before exiting with status 2. */
export class CliError extends Error {
  readonly exitCode = 2;
}
