import { browserGraphQL } from '#lib/browser-graphql.ts';
import { RecordSuggestionOpenedDocument, SimilarQuestionsDocument, type SimilarQuestionFieldsFragment } from '#lib/graphql/generated.ts';
import { MIN_DRAFT_LENGTH, SUGGESTION_COUNT, SUGGESTION_DELAY_MS, type SuggestionList } from '#lib/similar.ts';

/**
 * Live "maybe already answered" suggestions while a question is being written: `update()` takes
 * the draft on every change; after a quiet moment the similar threads are fetched through the
 * web's `/graphql` route. An older request still under way is cancelled, and a failed one keeps
 * the suggestions shown so far. Starts with what the server rendered, so nothing is fetched twice.
 */
export class Suggestions {
  items = $state<SimilarQuestionFieldsFragment[]>([]);
  loading = $state(false);
  #text: string;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | null = null;
  readonly #delayMs: number;
  readonly #fetch: typeof fetch | undefined;

  constructor(initial: SuggestionList, options: { delayMs?: number; fetch?: typeof fetch } = {}) {
    this.items = initial.items;
    this.#text = initial.text;
    this.#delayMs = options.delayMs ?? SUGGESTION_DELAY_MS;
    this.#fetch = options.fetch;
  }

  /** The current draft (`draftText(title, body)`); unchanged text fetches nothing. */
  update(text: string): void {
    if (text === this.#text) return;
    this.#text = text;
    this.#cancel();
    if (text.length < MIN_DRAFT_LENGTH) {
      this.items = [];
      this.loading = false;
      return;
    }
    this.#timer = setTimeout(() => void this.#load(text), this.#delayMs);
  }

  /** Stops a pending or running fetch (when the page goes away). */
  destroy(): void {
    this.#cancel();
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#controller?.abort();
    this.#controller = null;
  }

  async #load(text: string): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    const data = await browserGraphQL(
      SimilarQuestionsDocument,
      { text, first: SUGGESTION_COUNT },
      { signal: controller.signal, ...(this.#fetch ? { fetch: this.#fetch } : {}) },
    );
    // A newer draft took over meanwhile: its own request decides.
    if (controller.signal.aborted) return;
    this.#controller = null;
    this.loading = false;
    if (data) this.items = data.similarQuestions;
  }
}

/**
 * Tells the api that a suggestion was opened during this ask-page visit (it counts towards
 * "found instead of asked"). Fire and forget: `keepalive` lets the request outlive the page.
 */
export function recordSuggestionOpened(askSession: string, questionId: string, fetchImpl?: typeof fetch): void {
  void browserGraphQL(
    RecordSuggestionOpenedDocument,
    { input: { askSession, questionId } },
    { keepalive: true, ...(fetchImpl ? { fetch: fetchImpl } : {}) },
  );
}
