import { describe, expect, it } from '@jest/globals';
import { ProgressBar, duration, formatProgressLine } from './progress-bar.js';

describe('formatProgressLine', () => {
  it('shows the bar, percent, count, rate and ETA', () => {
    expect(formatProgressLine({ label: 'ledger', done: 400, total: 1000, rate: 120, width: 20 })).toBe(
      'ledger [########------------]  40.0%  400/1,000  120/s  ETA 0:05',
    );
  });

  it('says what it does not know yet, and handles done, empty and overshooting totals', () => {
    expect(formatProgressLine({ label: 'x', done: 0, total: 12_345, rate: null, width: 10 })).toBe(
      'x [----------]   0.0%  0/12,345  --/s  ETA --:--',
    );
    expect(formatProgressLine({ label: 'x', done: 0, total: 0, rate: null, width: 4 })).toBe(
      'x [####] 100.0%  0/0  --/s  ETA 0:00',
    );
    expect(formatProgressLine({ label: 'x', done: 1_050, total: 1_000, rate: 2_500.4, width: 4 })).toBe(
      'x [####] 100.0%  1,050/1,050  2,500/s  ETA 0:00',
    );
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(59.2)).toBe('1:00');
    expect(duration(61)).toBe('1:01');
    expect(duration(3600 * 2 + 62)).toBe('2:01:02');
  });
});

describe('ProgressBar', () => {
  const recorder = () => {
    const writes: string[] = [];
    return { writes, output: { write: (text: string) => writes.push(text), columns: 90 } };
  };

  it('on a terminal redraws one line in place, at most once per redraw interval', () => {
    const { writes, output } = recorder();
    let now = 0;
    const bar = new ProgressBar({ label: 'p', output, tty: true, now: () => now, redrawMs: 100 });
    bar.update(0, 100);
    now = 50;
    bar.update(10, 100); // too soon: not drawn
    now = 1000;
    bar.update(50, 100);
    bar.finish('p: done');
    expect(writes).toEqual([
      '\rp [--------------------]   0.0%  0/100  --/s  ETA --:--\x1b[K',
      '\rp [##########----------]  50.0%  50/100  50/s  ETA 0:01\x1b[K',
      '\rp [##########----------]  50.0%  50/100  50/s  ETA 0:01\x1b[K',
      '\n',
      'p: done\n',
    ]);
  });

  it('without a terminal prints a line every few seconds', () => {
    const { writes, output } = recorder();
    let now = 0;
    const bar = new ProgressBar({ label: 'p', output, tty: false, now: () => now, lineIntervalMs: 5000 });
    for (let second = 0; second <= 10; second++) {
      now = second * 1000;
      bar.update(second * 10, 200, second < 6 ? 'p catching-up' : 'p switching');
    }
    expect(writes).toEqual([
      'p catching-up [--------------------]   0.0%  0/200  --/s  ETA --:--\n',
      'p catching-up [#####---------------]  25.0%  50/200  10/s  ETA 0:15\n',
      'p switching [##########----------]  50.0%  100/200  10/s  ETA 0:10\n',
    ]);
  });
});
