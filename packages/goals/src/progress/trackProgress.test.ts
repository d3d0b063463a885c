import { describe, expect, it } from 'vitest';
import type { SimulationSummary } from '../engine/summarise.js';
import type { GoalMilestoneReached } from '../ports/events.js';
import { trackProgress } from './trackProgress.js';

const plan: Pick<SimulationSummary, 'bands'> = {
  bands: {
    percentiles: [0.05, 0.25, 0.5, 0.75, 0.95],
    points: [
      { month: 0, date: '2026-01-01', age: null, values: [100, 100, 100, 100, 100] },
      { month: 12, date: '2027-01-01', age: null, values: [80, 95, 105, 115, 130] },
    ],
  },
};
const at = { goalId: 'g', asOf: '2026-01-01', date: '2027-01-01' };

describe('trackProgress', () => {
  it('is behind below the 25th percentile, on track between, ahead from the 75th', async () => {
    expect((await trackProgress(plan, { ...at, balance: '90' })).status).toBe('behind');
    expect((await trackProgress(plan, { ...at, balance: '100' })).status).toBe('onTrack');
    expect((await trackProgress(plan, { ...at, balance: '120' })).status).toBe('ahead');
  });
  it('ranks a balance between bands and interpolates bands between year-ends', async () => {
    expect((await trackProgress(plan, { ...at, balance: '110' })).percentileRank).toBeCloseTo(0.625, 12);
    const mid = await trackProgress(plan, { ...at, date: '2026-07-01', balance: '100' });
    expect(mid.expected).toEqual([90, 97.5, 102.5, 107.5, 115]);
  });
  it('publishes goal_milestone_reached once for each milestone crossed since the last balance', async () => {
    const events: GoalMilestoneReached[] = [];
    const report = await trackProgress(
      plan,
      { ...at, balance: '120', previousBalance: '99', milestones: [{ id: 'a', amount: '50' }, { id: 'b', amount: '100' }, { id: 'c', amount: '150' }] },
      { publisher: { publish: (event) => void events.push(event) } },
    );
    expect(events).toEqual([{ type: 'goal_milestone_reached', id: 'g:b', goalId: 'g', milestoneId: 'b', amount: '100', balance: '120', date: '2027-01-01' }]);
    expect(report.milestonesReached).toEqual(events);
  });
  it('refuses a date outside the plan with INVALID_INPUT', async () => {
    await expect(trackProgress(plan, { ...at, date: '2030-01-01', balance: '1' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
