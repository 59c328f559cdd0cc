import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

const pending = new WeakMap<QueryRunner, (() => Promise<void>)[]>();

/**
 * Runs `task` once the transaction of `manager` has committed (at once outside a transaction), and
 * never when it rolls back: for telling others about a change only when it is real.
 */
export function afterCommit(manager: EntityManager, task: () => Promise<void>): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return task();
  const tasks = pending.get(runner) ?? [];
  tasks.push(task);
  pending.set(runner, tasks);
  return Promise.resolve();
}

/** Flushes `afterCommit` tasks when the outermost transaction commits; drops them when it rolls back. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    if (queryRunner.isTransactionActive) return;
    const tasks = pending.get(queryRunner) ?? [];
    pending.delete(queryRunner);
    for (const task of tasks) await task();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
  }
}
