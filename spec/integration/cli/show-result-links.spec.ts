import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseState, serializeState } from 'gren-ts';
import { useTempStore } from '../../support/temp-store';
import { spawnGren } from './cli-harness';
import { makeLinkedChain } from './linked-chain';

jest.setTimeout(60_000);

interface ShowJson {
  reused_from: {
    namespace: string;
    gren_hash: string;
    directory: string;
    result_status: string | null;
    steps: string[];
    linked_at: string | null;
    result_directory: string;
    result_present: boolean;
  } | null;
  result_link_error: string | null;
  reused_by: { namespace: string; gren_hash: string; result_status: string }[];
}

/** `gren show` run as a real process (the compiled bin). */
async function show(store: string, ref: string, json = false): Promise<string> {
  const run = await spawnGren(['--root', store, 'show', ref, ...(json ? ['--json'] : [])]);
  if (run.code !== 0) throw new Error(`gren show ${ref} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

const showJson = async (store: string, ref: string): Promise<ShowJson> =>
  JSON.parse(await show(store, ref, true)) as ShowJson;

describe('gren show and result links', () => {
  const store = useTempStore('gren-show-links-');

  describe('when v3 reuses v2, which reuses v1 (holding the data)', () => {
    it('should say where each linked result lives and who reuses each one', async () => {
      const chain = await makeLinkedChain(store());

      const v3 = await showJson(store(), chain.v3.ref);
      const v2 = await showJson(store(), chain.v2.ref);
      const v1 = await showJson(store(), chain.v1.ref);
      const v3Text = await show(store(), chain.v3.ref);
      const v1Text = await show(store(), chain.v1.ref);

      expect(v3.reused_from).toMatchObject({
        namespace: 'spec.migration.Train',
        gren_hash: chain.v2.hash,
        directory: chain.v2.dir,
        result_status: 'success',
        steps: ["Train: addedField('epochs', 1)"],
        result_directory: chain.v1.dir,
        result_present: true,
      });
      expect(v3.reused_from?.linked_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
      expect(v3.reused_by).toEqual([]);
      expect(v2.reused_from).toMatchObject({ gren_hash: chain.v1.hash, result_directory: chain.v1.dir });
      expect(v2.reused_by.map((entry) => entry.gren_hash)).toEqual([chain.v3.hash]);
      expect(v1.reused_from).toBeNull();
      expect(v1.reused_by.map((entry) => entry.gren_hash).sort()).toEqual([chain.v2.hash, chain.v3.hash].sort());
      expect(v1.result_link_error).toBeNull();
      expect(v3Text).toContain(`  reused from ${chain.v2.ref} [success] by Train: addedField('epochs', 1)\n`);
      expect(v3Text).toContain(`  result in   ${chain.v1.dir}\n`);
      expect(v1Text).toMatch(
        / {2}reused by {3}spec\.migration\.Train\/\w{20} \[success\], spec\.migration\.Train\/\w{20} \[success\]\n/,
      );
    });
  });

  describe('when a linking artifact is no longer a success', () => {
    it('should not list it as reusing the result (it reads nothing), as gc does not keep anything for it', async () => {
      const chain = await makeLinkedChain(store());
      const stateFile = path.join(chain.v3.dir, '.gren', 'state.json');
      const state = parseState(JSON.parse(fs.readFileSync(stateFile, 'utf8')), stateFile);
      fs.writeFileSync(stateFile, serializeState({ ...state, result: { status: 'absent' } }));

      const v1 = await showJson(store(), chain.v1.ref);

      expect(v1.reused_by.map((entry) => entry.gren_hash)).toEqual([chain.v2.hash]);
    });
  });

  describe('when the result a link reads is gone, or the link is unreadable', () => {
    it('should say so instead of failing', async () => {
      const chain = await makeLinkedChain(store());
      fs.rmSync(chain.v1.dir, { recursive: true });
      fs.writeFileSync(`${chain.v3.dir}/.gren/result-link.json`, '{ not json');

      const v2 = await showJson(store(), chain.v2.ref);
      const v2Text = await show(store(), chain.v2.ref);
      const v3 = await showJson(store(), chain.v3.ref);

      expect(v2.reused_from).toMatchObject({ gren_hash: chain.v1.hash, result_status: null, result_present: false });
      expect(v2Text).toContain(`  reused from ${chain.v1.ref} [missing] by `);
      expect(v2Text).toContain(`  result in   ${chain.v1.dir} (gone: the next loadOrCreate computes again)\n`);
      expect(v3.reused_from).toBeNull();
      expect(v3.result_link_error).toContain('is not JSON');
    });
  });
});
