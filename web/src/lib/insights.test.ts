import { describe, expect, it } from 'vitest';
import { insightsCsvPath, readInsightsFilter, toCsv } from './insights.ts';

const NOW = Date.parse('2026-12-07T13:00:00Z');
const read = (query: string) => readInsightsFilter(new URLSearchParams(query), NOW);

describe('the insights filter', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(read('')).toEqual({
      values: { from: '2026-11-08', to: '2026-12-07', space: '', team: '' },
      filter: { from: '2026-11-08T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z', spaceId: null, teamId: null },
    });
  });

  it('keeps a valid period, space and team and drops what is not', () => {
    expect(read('from=2026-03-01&to=2026-03-31&space=4&team=x').values).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      space: '4',
      team: '',
    });
    expect(read('from=2026-04-01&to=2026-03-31').values.from).toBe('2026-03-02');
    expect(read('from=2024-01-01&to=2026-03-31').values.from).toBe('2026-03-02');
  });

  it('keeps the language of the questions when it is one the filter offers', () => {
    expect(read('language=de')).toMatchObject({ values: { language: 'de' }, filter: { language: 'de' } });
    expect(read('language=fr').filter).not.toHaveProperty('language');
    expect(insightsCsvPath('sla', { from: '2026-03-01', to: '2026-03-31', space: '', team: '', language: 'en' })).toBe(
      '/console/insights/export/sla?from=2026-03-01&to=2026-03-31&language=en',
    );
  });

  it('links each export with the same filter', () => {
    expect(insightsCsvPath('sla', { from: '2026-03-01', to: '2026-03-31', space: '', team: '2' })).toBe(
      '/console/insights/export/sla?from=2026-03-01&to=2026-03-31&team=2',
    );
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(
      toCsv(
        ['Team', 'Share'],
        [
          ['Care, "north"', 50],
          ['=cmd()', null],
        ],
      ),
    ).toBe('Team,Share\r\n"Care, ""north""",50\r\n\'=cmd(),\r\n');
  });
});
