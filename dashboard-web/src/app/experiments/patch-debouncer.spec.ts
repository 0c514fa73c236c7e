import { PatchDebouncer } from './patch-debouncer';

interface Form {
  a: string;
  b: string;
}

describe(PatchDebouncer.name, () => {
  let emitted: Partial<Form>[];
  let debouncer: PatchDebouncer<Form>;

  beforeEach(() => {
    vi.useFakeTimers();
    emitted = [];
    debouncer = new PatchDebouncer<Form>(300, (patch) => emitted.push(patch));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  describe('when typing', () => {
    it('should emit the last value once the input is quiet for 300 ms', () => {
      debouncer.push({ a: 'r' });
      vi.advanceTimersByTime(200);
      debouncer.push({ a: 're' });
      vi.advanceTimersByTime(299);
      expect(emitted).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(emitted).toEqual([{ a: 're' }]);
    });

    it('should merge edits of several fields into one patch', () => {
      debouncer.push({ a: 'x' });
      debouncer.push({ b: 'y' });
      vi.advanceTimersByTime(300);
      expect(emitted).toEqual([{ a: 'x', b: 'y' }]);
    });
  });

  describe('when flushed', () => {
    it('should emit pending text together with the flushed patch at once', () => {
      debouncer.push({ a: 'x' });
      debouncer.flush({ b: 'failed' });
      expect(emitted).toEqual([{ a: 'x', b: 'failed' }]);
      vi.advanceTimersByTime(1000);
      expect(emitted).toHaveLength(1);
    });

    it('should emit nothing when nothing is pending', () => {
      debouncer.flush();
      expect(emitted).toEqual([]);
    });
  });

  it('should drop pending edits when cancelled', () => {
    debouncer.push({ a: 'x' });
    debouncer.cancel();
    vi.advanceTimersByTime(1000);
    expect(emitted).toEqual([]);
  });
});
