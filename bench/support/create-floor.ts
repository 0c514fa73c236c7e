/**
 * The file-operation floor of one create, which the create benchmark prints beside gren's
 * figure: plain Node (no gren) making the files one gren create makes, with the system calls
 * gren's protocol needs at the least. Per create: the artifact folder and its `.gren`; the
 * log; the state lock (taken twice); the compute lock; the running state (written, fsynced,
 * renamed); the event log; two metadata files (renamed into place, not fsynced); then the
 * success marker and the success state (both fsynced, renamed, their folder fsynced).
 */
// The module object (not an import copy): the benchmark's fsync counter wraps its fsyncSync.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require('node:fs');
import * as path from 'node:path';

const STATE_TEXT = `${JSON.stringify({ schema_version: 1, padding: 'x'.repeat(680) }, null, 2)}\n`;
const METADATA_TEXT = JSON.stringify({ padding: 'x'.repeat(640) }, null, 2);
const LOCK_LINE = `${JSON.stringify({ pid: process.pid, host: 'h', created_at: 'now', lock_id: 'x'.repeat(32) })}\n`;

function append(file: string, text: string): void {
  const fd = fs.openSync(file, 'a', 0o644);
  fs.writeSync(fd, text);
  fs.closeSync(fd);
}

function createExclusive(file: string, text: string): void {
  const fd = fs.openSync(file, 'wx', 0o644);
  fs.writeSync(fd, text);
  fs.closeSync(fd);
}

/** Writes temp files, fsyncs them when durable, renames them in order. */
function replaceAll(files: readonly string[], text: string, durable: boolean): void {
  const fds = files.map((file) => {
    const fd = fs.openSync(`${file}.tmp`, 'w', 0o644);
    fs.writeSync(fd, text);
    return fd;
  });
  if (durable) for (const fd of fds) fs.fsyncSync(fd);
  fds.forEach((fd) => fs.closeSync(fd));
  for (const file of files) fs.renameSync(`${file}.tmp`, file);
}

function fsyncFolder(folder: string): void {
  const fd = fs.openSync(folder, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

/** Makes artifact number `index`'s files under `root` (an existing folder). */
export function createFloorArtifact(root: string, index: number): void {
  const dir = path.join(root, String(index));
  const internal = path.join(dir, '.gren');
  fs.mkdirSync(dir);
  fs.mkdirSync(internal);
  const at = (name: string): string => path.join(internal, name);
  append(at('gren.log'), 'a log line\n');
  createExclusive(at('.state.lock'), LOCK_LINE);
  createExclusive(at('.compute.lock'), LOCK_LINE);
  replaceAll([at('state.json')], STATE_TEXT, true);
  append(at('events.jsonl'), '{"type": "attempt_started"}\n');
  fs.unlinkSync(at('.state.lock'));
  replaceAll([at('metadata.json')], METADATA_TEXT, false);
  replaceAll([at('metadata-ts.json')], METADATA_TEXT, false);
  createExclusive(at('.state.lock'), LOCK_LINE);
  replaceAll([at('SUCCESS.json'), at('state.json')], STATE_TEXT, true);
  fsyncFolder(internal);
  append(at('events.jsonl'), '{"type": "attempt_finished"}\n');
  fs.unlinkSync(at('.state.lock'));
  fs.unlinkSync(at('.compute.lock'));
}
