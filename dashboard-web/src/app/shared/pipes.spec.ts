import { LocalTimePipe } from './local-time-pipe';
import { ShortHashPipe } from './short-hash-pipe';

describe(ShortHashPipe.name, () => {
  const pipe = new ShortHashPipe();

  it('should cut a hash to 8 characters by default', () => {
    expect(pipe.transform('3c619c85f3318dea28d6')).toBe('3c619c85...');
    expect(pipe.transform('3c619c85f3318dea28d6', 12)).toBe('3c619c85f331...');
  });

  it('should leave a short hash alone and show a dash for none', () => {
    expect(pipe.transform('abc')).toBe('abc');
    expect(pipe.transform(null)).toBe('—');
  });
});

describe(LocalTimePipe.name, () => {
  const pipe = new LocalTimePipe();

  it('should format an instant in local time', () => {
    const iso = '2026-11-26T04:21:00+00:00';
    expect(pipe.transform(iso)).toBe(new Date(iso).toLocaleString());
  });

  it('should show a dash for a missing time and the raw text for an unreadable one', () => {
    expect(pipe.transform(null)).toBe('—');
    expect(pipe.transform('garbage')).toBe('garbage');
  });
});
