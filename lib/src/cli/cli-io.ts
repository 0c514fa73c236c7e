import * as readline from 'node:readline';

/** Where a `gren` command writes and asks; the process's streams, or buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** The stream a progress bar may draw on (a TTY), or undefined: no progress bar. */
  readonly progressStream: NodeJS.WriteStream | undefined;
  /** Whether a person can answer a question (stdin and stdout are terminals). */
  readonly interactive: boolean;
  /** Asks a yes/no question; only called when `interactive`. */
  confirm(question: string): Promise<boolean>;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    confirm: (question) => askYesNo(question),
  };
}

function askYesNo(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) => {
    rl.question(`${question} [y/N] `, (answer) => {
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
  });
}
