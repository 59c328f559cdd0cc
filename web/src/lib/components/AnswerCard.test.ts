import { describe, expect, it } from 'vitest';
import type { AnswerFieldsFragment } from '#lib/graphql/generated.ts';
import { renderWithI18n } from '#lib/testing/render.ts';
import AnswerCard from './AnswerCard.svelte';

const answer = {
  id: '41',
  bodyHtml: '<p>The final invoice used an estimated reading.</p>',
  author: { id: '7', displayName: 'Miriam Çelik', initials: 'MÇ', role: 'AGENT', isStaff: true, photoVersion: null, staffTeams: [] },
  score: 0,
  viewerVote: 0,
  canVote: false,
  canEdit: false,
  canAccept: false,
  canVerify: false,
  canFlag: false,
  canRedact: false,
  isAccepted: false,
  verifiedAt: null,
  verifiedBy: null,
  verifiedCompany: null,
  reviewedBy: null,
  moderationState: 'PUBLISHED',
  createdAt: '2026-11-24T10:00:00Z',
  editedAt: null,
  comments: [],
  bodyMarkdown: 'The final invoice used an estimated reading.',
} as unknown as AnswerFieldsFragment;

const props = {
  answer,
  questionId: '5',
  signedIn: false,
  returnTo: '/questions/5/x',
  commentMutationId: 'c',
  commentFailure: null,
  acceptFailure: null,
};

describe('an escalation resolution', () => {
  it('reads as the company’s resolution, not as one more staff answer', () => {
    const { text, html } = renderWithI18n(AnswerCard, { ...props, resolution: { company: 'Fennwatt', teamName: 'Customer care' } });
    expect(text).toContain('Resolution by Fennwatt');
    expect(text).toContain('Customer care looked into this privately with the asker');
    expect(html).toContain('data-testid="resolution"');
  });

  it('leaves other answers unmarked', () => {
    expect(renderWithI18n(AnswerCard, props).text).not.toContain('Resolution by');
  });
});
