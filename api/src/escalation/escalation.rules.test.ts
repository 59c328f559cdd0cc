import { describe, expect, it } from 'vitest';
import { checkPhone } from './escalation.rules';

describe('checkPhone', () => {
  it.each([
    ['+49 30 1234567', '+49 30 1234567'],
    ['030 1234-567', '030 1234-567'],
    ['(030)  123 456', '(030) 123 456'],
    ['+1 (555) 010-9999', '+1 (555) 010-9999'],
  ])('accepts %s', (input, phone) => {
    expect(checkPhone(input)).toEqual({ phone });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['call me: 030 123456', 'invalid'],
    ['030+123456', 'invalid'],
    ['12345', 'digits'],
    ['+49 123 456 789 012 345 678 9', 'digits'],
  ])('refuses %j as %s', (input, problem) => {
    expect(checkPhone(input)).toEqual({ problem });
  });
});
