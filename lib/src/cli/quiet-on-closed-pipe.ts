/**
 * When the reader of `stream` goes away (`gren ls | head -1`), the command ends quietly, as
 * Unix tools do, instead of crashing with an unhandled EPIPE. Other stream errors still throw.
 */
export function quietOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}
