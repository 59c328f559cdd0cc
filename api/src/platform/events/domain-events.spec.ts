import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import type { Logger } from '../logger';
import { DomainEvents } from './domain-events';

interface TestEvents {
  'thing.checked': { payload: { n: number }; verdict: { hold: boolean } };
  'thing.changed': { payload: { id: string } };
}

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

describe('DomainEvents: hooks, outbox rows and after-commit handlers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const outboxRows = async (id: string) =>
    (await t.dataSource.query(`SELECT topic, payload FROM outbox_events WHERE aggregate_id = $1`, [id])) as unknown[];

  it('runs hooks in order, returns their verdicts, and writes the outbox row in the transaction', async () => {
    const events = new DomainEvents<TestEvents>({}, quiet);
    const seen: string[] = [];
    events.hook('thing.checked', 'second', () => void seen.push('second'), 20);
    events.hook('thing.checked', 'first', (_tx, e) => (seen.push('first'), { hold: e.n > 1 }), 10);
    expect(await events.emit(t.dataSource.manager, 'thing.checked', { n: 2 })).toEqual([{ hold: true }]);
    expect(seen).toEqual(['first', 'second']);
  });

  it('runs after-commit handlers only once the transaction commits, and drops them and the outbox row on rollback', async () => {
    const events = new DomainEvents<TestEvents>(
      { 'thing.changed': (e) => ({ topic: 'question.edited', aggregateId: e.id, payload: {} }) },
      quiet,
    );
    const heard: string[] = [];
    events.afterCommit('thing.changed', 'test', (e) => void heard.push(e.id));
    await t.dataSource.transaction(async (tx) => {
      await events.emit(tx, 'thing.changed', { id: '900001' });
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual(['900001']);
    expect(await outboxRows('900001')).toEqual([{ topic: 'question.edited', payload: {} }]);

    await expect(
      t.dataSource.transaction(async (tx) => {
        await events.emit(tx, 'thing.changed', { id: '900002' });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(heard).toEqual(['900001']);
    expect(await outboxRows('900002')).toEqual([]);
  });

  it('a failing hook undoes the write; a failing after-commit handler does not', async () => {
    const events = new DomainEvents<TestEvents>(
      { 'thing.changed': (e) => ({ topic: 'question.edited', aggregateId: e.id, payload: {} }) },
      quiet,
    );
    events.hook(
      'thing.changed',
      'refuses',
      (_tx, e) => {
        if (e.id === '900003') throw new Error('refused');
      },
      10,
    );
    events.afterCommit('thing.changed', 'breaks', () => {
      throw new Error('late');
    });
    await expect(t.dataSource.transaction((tx) => events.emit(tx, 'thing.changed', { id: '900003' }))).rejects.toThrow('refused');
    expect(await outboxRows('900003')).toEqual([]);
    await t.dataSource.transaction((tx) => events.emit(tx, 'thing.changed', { id: '900004' }));
    expect(await outboxRows('900004')).toHaveLength(1);
  });

  it('refuses to start without a required hook', () => {
    const events = new DomainEvents<TestEvents>({}, quiet);
    expect(() => events.assertListening([{ event: 'thing.checked', listener: 'moderation' }])).toThrow(/thing.checked ← moderation/);
  });
});
