import { describe, expect, it } from 'vitest';
import { chartShape } from './chart';

describe('chartShape', () => {
  it('is null without points', () => {
    expect(chartShape([], 300, 80)).toBeNull();
  });

  it('draws a step line from the first to the last day, scaled into the box', () => {
    const shape = chartShape(
      [
        { day: '2026-01-01', total: 10 },
        { day: '2026-01-03', total: 40 },
        { day: '2026-01-05', total: 20 },
      ],
      100,
      40,
    )!;
    expect(shape).toMatchObject({ min: 0, max: 40, first: '2026-01-01', last: '2026-01-05' });
    expect(shape.line).toBe('M0 30 H50 V0 H100 V20');
    expect(shape.area).toBe('M0 30 H50 V0 H100 V20 H100 V40 H0 Z');
  });

  it('keeps losses below zero visible', () => {
    const shape = chartShape(
      [
        { day: '2026-02-01', total: -10 },
        { day: '2026-02-02', total: 10 },
      ],
      10,
      20,
    )!;
    expect([shape.min, shape.max]).toEqual([-10, 10]);
    expect(shape.line).toBe('M0 20 H10 V0');
  });

  it('rises from zero on the only day with changes', () => {
    expect(chartShape([{ day: '2026-03-01', total: 5 }], 60, 10)!.line).toBe('M0 10 H60 V0');
  });
});
