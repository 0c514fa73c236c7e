import type { ArtifactFileKind } from '../contract/insight-types';

/** The largest text, JSON, JSONL or CSV file the viewer reads. */
export const TEXT_CAP_BYTES = 2 * 1024 * 1024;
/** The largest image the viewer serves. */
export const IMAGE_CAP_BYTES = 10 * 1024 * 1024;

const BY_EXTENSION: Readonly<Record<string, ArtifactFileKind>> = {
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'csv',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  svg: 'svg',
  txt: 'text',
  log: 'text',
  md: 'text',
  out: 'text',
  err: 'text',
  yaml: 'text',
  yml: 'text',
  toml: 'text',
  ini: 'text',
  cfg: 'text',
  py: 'text',
  ts: 'text',
  js: 'text',
  sh: 'text',
  html: 'text',
  xml: 'text',
};

/** What the viewer makes of a file, from its name (the content is checked when it is read). */
export function fileKind(name: string): ArtifactFileKind {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'other';
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? 'other';
}

export function isImageKind(kind: ArtifactFileKind): kind is 'png' | 'jpeg' | 'svg' {
  return kind === 'png' || kind === 'jpeg' || kind === 'svg';
}

export function isTextKind(kind: ArtifactFileKind): kind is 'text' | 'json' | 'jsonl' | 'csv' {
  return kind === 'text' || kind === 'json' || kind === 'jsonl' || kind === 'csv';
}

/** The size cap of a kind; 0 for a kind the viewer does not open. */
export function capOf(kind: ArtifactFileKind): number {
  if (isTextKind(kind)) return TEXT_CAP_BYTES;
  if (isImageKind(kind)) return IMAGE_CAP_BYTES;
  return 0;
}
