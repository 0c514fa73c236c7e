import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runChild } from '../../support/child-process';

jest.setTimeout(60_000);

/**
 * gren handles SIGTERM and SIGINT only while a computation runs. Right after a create
 * returns, a signal must reach the process as if gren had never handled it, even though
 * gren keeps its handler until the end of that turn of the event loop.
 */
describe('a stop signal right after a create returned', () => {
  let store: string;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-signal-after-'));
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  it('should kill the process by the signal (default action), not exit with a status', async () => {
    const result = await runChild('signal-after-create-client.js', ['1', 'raise'], { GREN_PATH: store });
    expect({ code: result.code, signal: result.signal, stdout: result.stdout }).toEqual({
      code: null,
      signal: 'SIGTERM',
      stdout: '',
    });
  });

  it("should go only to the program's own listener, which keeps the process alive", async () => {
    const result = await runChild('signal-after-create-client.js', ['2', 'own-listener'], { GREN_PATH: store });
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 0, stdout: 'own listener\nalive\n' });
  });

  it('should leave no signal listener of gren once the event loop turned', async () => {
    const result = await runChild('signal-after-create-client.js', ['3', 'count'], { GREN_PATH: store });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ SIGTERM: 0, SIGINT: 0 });
  });
});
