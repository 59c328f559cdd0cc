import { describe, expect, it } from 'vitest';
import { isRealDisplayName } from './display-name';

describe('isRealDisplayName', () => {
  it.each(['Miriam Çelik', 'Tobias Reinhardt', 'Anna K.', 'Jo', 'Zoë'])('accepts %j', (name) => {
    expect(isRealDisplayName(name)).toBe(true);
  });

  it.each([
    'anna@example.com',
    'anna (at) example',
    'support.fennwatt.de',
    'Support',
    'Support Team',
    'agent',
    'Admin 2',
    'user123',
    'x',
    '  ',
  ])('rejects %j', (name) => {
    expect(isRealDisplayName(name)).toBe(false);
  });
});
