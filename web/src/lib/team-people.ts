/** A person on "who answers here", once, with every team they answer for. */
export interface TeamPerson<M> {
  member: M;
  teams: string[];
}

/**
 * The staff of all teams, each person once (someone in two teams is one person, not two), in the
 * order they first appear, with the names of their teams.
 */
export function peopleOnce<M extends { id: string }>(teams: readonly { name: string; members: readonly M[] }[]): TeamPerson<M>[] {
  const byId = new Map<string, TeamPerson<M>>();
  for (const team of teams) {
    for (const member of team.members) {
      const person = byId.get(member.id);
      if (person) person.teams.push(team.name);
      else byId.set(member.id, { member, teams: [team.name] });
    }
  }
  return [...byId.values()];
}
