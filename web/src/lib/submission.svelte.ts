import type { SubmitFunction } from '$app/forms';

/**
 * Progressive enhancement for a form: while a submission is under way the form reports `busy`
 * (to disable its button) and a second submit is dropped, so a double click posts once.
 * Without JavaScript the form simply posts; the hidden clientMutationId keeps that idempotent.
 */
export class Submission {
  busy = $state(false);
  readonly #reset: boolean;

  constructor(options: { reset?: boolean } = {}) {
    this.#reset = options.reset ?? true;
  }

  enhance: SubmitFunction = ({ cancel }) => {
    if (this.busy) {
      cancel();
      return;
    }
    this.busy = true;
    return async ({ result, formElement, update }) => {
      try {
        // A redirect replaces the page; a form that stays on screen (an answer box) starts empty.
        if (this.#reset && result.type === 'redirect') formElement.reset();
        await update({ reset: this.#reset });
      } finally {
        this.busy = false;
      }
    };
  };
}
