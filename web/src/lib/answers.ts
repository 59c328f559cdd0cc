/** Thread order: the accepted answer first, the rest in the api's order (score, then oldest). */
export function orderAnswers<T extends { isAccepted: boolean }>(answers: readonly T[]): T[] {
  return [...answers.filter((a) => a.isAccepted), ...answers.filter((a) => !a.isAccepted)];
}
