import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

const tick = () => new Promise((r) => setImmediate(r));

describe('coalesce', () => {
  it('answers calls made in one turn as one group, each with its own answer or error', async () => {
    const groups: number[][] = [];
    const double = coalesce(async (items: number[]) => {
      groups.push(items);
      return items.map((i) => (i === 3 ? new Error('three') : i * 2));
    });
    const answers = await Promise.allSettled([1, 2, 3, 4].map((i) => double(i)));
    expect(groups).toEqual([[1, 2, 3, 4]]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      2,
      4,
      'three',
      8,
    ]);
  });

  it('keeps groups to max items and at most `concurrency` in flight; calls wait for a free slot', async () => {
    let inFlight = 0;
    let most = 0;
    const sizes: number[] = [];
    const release: Array<() => void> = [];
    const echo = coalesce(
      async (items: number[]) => {
        inFlight++;
        most = Math.max(most, inFlight);
        sizes.push(items.length);
        await new Promise<void>((r) => release.push(r));
        inFlight--;
        return items;
      },
      { max: 3, concurrency: 2 },
    );
    const calls = Array.from({ length: 8 }, (_, i) => echo(i));
    await tick();
    await tick();
    await tick();
    // Eight queued at once: two groups of three start; the other two wait.
    expect(sizes).toEqual([3, 3]);
    release.shift()?.();
    await tick();
    await tick();
    expect(sizes).toEqual([3, 3, 2]);
    while (release.length) {
      release.shift()?.();
      await tick();
    }
    expect(await Promise.all(calls)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(2);
  });

  it('lets an item answer later than its group, and rejects the whole group when run throws', async () => {
    let finish: (v: string) => void = () => {};
    const slow = new Promise<string>((r) => {
      finish = r;
    });
    const runs: string[][] = [];
    const work = coalesce(async (items: string[]) => {
      runs.push(items);
      if (items.includes('boom')) throw new Error('boom');
      return items.map((i) => (i === 'slow' ? slow : i));
    });
    const slowCall = work('slow');
    const quick = work('quick');
    expect(await quick).toBe('quick');
    // The group's slot is free again while the slow item is still being answered.
    await expect(Promise.all([work('boom'), work('other')])).rejects.toThrow('boom');
    expect(runs).toEqual([
      ['slow', 'quick'],
      ['boom', 'other'],
    ]);
    finish('done');
    expect(await slowCall).toBe('done');
  });
});
