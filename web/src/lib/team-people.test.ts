import { describe, expect, it } from 'vitest';
import { peopleOnce } from './team-people.ts';

describe('peopleOnce', () => {
  it('shows someone in two teams once, with both teams', () => {
    const jonas = { id: '1', displayName: 'Jonas' };
    const miriam = { id: '2', displayName: 'Miriam' };
    const tobias = { id: '3', displayName: 'Tobias' };
    const people = peopleOnce([
      { name: 'Customer care', members: [jonas, miriam, tobias] },
      { name: 'Metering experts', members: [tobias] },
    ]);
    expect(people.map((p) => [p.member.displayName, p.teams])).toEqual([
      ['Jonas', ['Customer care']],
      ['Miriam', ['Customer care']],
      ['Tobias', ['Customer care', 'Metering experts']],
    ]);
  });
});
