import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArtifactPaths, MetadataManager, readMetadata, readMetadataRaw } from 'gren-ts';
import { writeMetadataFiles } from '../../../lib/src/storage/write-metadata';

const PYTHON_PART = {
  gren_python_def: "interop_models.PrepareDataset(name='toy', rows=100)",
  gren_obj: { __class__: 'interop_models.PrepareDataset', name: 'toy', rows: 100 },
  gren_hash: '297404f3bfb23f009f8a',
  gren_path: '/store/data/interop_models/PrepareDataset/297404f3bfb23f009f8a',
  git_commit: 'c343d2c0ad02629804b59c89e5a0af78c3889a63',
  git_branch: 'main',
  git_remote: null,
  git_patch: '<ignored-diff>',
  git_submodules: {},
  timestamp: '2026-12-07T16:28:21.560014+00:00',
  command: 'train.js',
  python_version: 'Node.js v20.20.0',
  executable: '/usr/bin/node',
  platform: 'linux',
  hostname: 'vm',
  user: 'root',
  pid: 7,
};
const TYPESCRIPT_PART = {
  gren_ts_def: "new PrepareDataset({ name: 'toy', rows: 100 })",
  gren_ts_module: '/repo/src/models.ts',
  gren_version: '0.3.0',
  node_version: 'v20.20.0',
  gren_dependencies: [],
};

describe('metadata on disk', () => {
  let dir: string;
  let paths: ArtifactPaths;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-metadata-'));
    paths = new ArtifactPaths(dir);
    fs.mkdirSync(paths.internalDir);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('when this version writes it', () => {
    beforeEach(() => writeMetadataFiles(paths, { ...PYTHON_PART, ...TYPESCRIPT_PART }));

    it("should put exactly the Python gren's keys, in its order, into metadata.json", () => {
      expect(Object.keys(readMetadataRaw(paths.metadata)!)).toEqual(Object.keys(PYTHON_PART));
    });

    it('should put ours into .gren/metadata-ts.json', () => {
      expect(JSON.parse(fs.readFileSync(path.join(dir, '.gren', 'metadata-ts.json'), 'utf8'))).toEqual(TYPESCRIPT_PART);
    });

    it('should read both back as one record (getMetadata, the CLI and the dashboard detail)', () => {
      expect(readMetadata(paths.metadata)).toEqual({ ...PYTHON_PART, ...TYPESCRIPT_PART });
      expect(new MetadataManager(dir).readRaw()).toEqual({ ...PYTHON_PART, ...TYPESCRIPT_PART });
    });
  });

  describe('when the Python gren wrote it (no metadata-ts.json)', () => {
    it('should read metadata.json alone, with none of our facts', () => {
      fs.writeFileSync(paths.metadata, JSON.stringify(PYTHON_PART, null, 2));

      expect(readMetadata(paths.metadata)).toEqual(PYTHON_PART);
    });
  });

  describe('when an earlier version of ours wrote it (our keys inside metadata.json)', () => {
    it('should still read our facts from there', () => {
      fs.writeFileSync(paths.metadata, JSON.stringify({ ...PYTHON_PART, ...TYPESCRIPT_PART }, null, 2));

      expect(readMetadata(paths.metadata)).toEqual({ ...PYTHON_PART, ...TYPESCRIPT_PART });
    });
  });

  describe('when metadata-ts.json is unreadable', () => {
    it('should ignore it: metadata.json alone stays usable', () => {
      fs.writeFileSync(paths.metadata, JSON.stringify(PYTHON_PART, null, 2));
      fs.writeFileSync(path.join(dir, '.gren', 'metadata-ts.json'), '{"gren_ts_def": ');

      expect(readMetadata(paths.metadata)).toEqual(PYTHON_PART);
    });
  });
});
