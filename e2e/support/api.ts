// Seeds data through the api's public GraphQL, as one signed-in person per client (the `pd_session`
// cookie is kept between calls). No SQL: spaces come from the demo community (see demo.ts).
import { randomBytes } from 'node:crypto';

export const PASSWORD = 'e2e-Passw0rd-lantern-42';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class GraphQLRequestError extends Error {
  code: string;
  fields: FieldError[];
  constructor(message: string, code: string, fields: FieldError[]) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
}

/** A unique e-mail address, so runs never collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(4).toString('hex')}@e2e.peerdesk.test`;
}

/** A key for idempotent writes (the api accepts 8–64 of [A-Za-z0-9_-]). */
export function clientMutationId(): string {
  return randomBytes(12).toString('hex');
}

export class ApiClient {
  readonly endpoint: string;
  /** The `pd_session` value once signed in. */
  session: string | undefined;

  constructor(apiUrl: string) {
    this.endpoint = `${apiUrl}/graphql`;
  }

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'en' };
    if (this.session) headers.cookie = `pd_session=${this.session}`;
    const res = await fetch(this.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    for (const cookie of res.headers.getSetCookie()) {
      const match = /^pd_session=([^;]*)/.exec(cookie);
      if (match) this.session = match[1] || undefined;
    }
    const payload = (await res.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string; fields?: FieldError[] } }[];
    };
    const error = payload.errors?.[0];
    if (error) throw new GraphQLRequestError(error.message, error.extensions?.code ?? 'UNKNOWN', error.extensions?.fields ?? []);
    return payload.data as T;
  }

  async signUp(displayName: string, email = uniqueEmail(displayName), password = PASSWORD): Promise<Account> {
    await this.request(`mutation ($input: SignUpInput!) { signUp(input: $input) { accepted } }`, {
      input: { displayName, email, password },
    });
    // Sign-up starts no session (it answers alike for taken addresses); signing in does.
    return this.signIn(email, password);
  }

  async signIn(email: string, password = PASSWORD): Promise<Account> {
    const data = await this.request<{ signIn: { viewer: Account } }>(
      `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id email displayName } } }`,
      {
        input: { email, password },
      },
    );
    return data.signIn.viewer;
  }

  async askQuestion(input: {
    spaceSlug: string;
    title: string;
    body: string;
    tags?: string[];
    clientMutationId?: string;
  }): Promise<{ id: string; slug: string }> {
    const data = await this.request<{ askQuestion: { id: string; slug: string } }>(
      `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id slug } }`,
      {
        input: { tags: [], ...input },
      },
    );
    return data.askQuestion;
  }

  async answerQuestion(questionId: string, body: string): Promise<{ id: string }> {
    const data = await this.request<{ answerQuestion: { id: string } }>(
      `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`,
      {
        input: { questionId, body },
      },
    );
    return data.answerQuestion;
  }

  /** On a question or an answer. */
  async addComment(on: { questionId: string } | { answerId: string }, body: string): Promise<{ id: string }> {
    const data = await this.request<{ addComment: { id: string } }>(
      `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      {
        input: { ...on, body },
      },
    );
    return data.addComment;
  }

  async vote(on: { questionId: string } | { answerId: string }, value: 1 | -1 | 0): Promise<{ score: number }> {
    const data = await this.request<{ vote: { score: number } }>(
      `mutation ($input: VoteInput!) { vote(input: $input) { score viewerVote } }`,
      { input: { ...on, value } },
    );
    return data.vote;
  }

  async acceptAnswer(answerId: string): Promise<{ status: string }> {
    const data = await this.request<{ acceptAnswer: { status: string } }>(
      `mutation ($id: ID!) { acceptAnswer(answerId: $id) { id status } }`,
      { id: answerId },
    );
    return data.acceptAnswer;
  }

  /** Questions (newest first), for checking what exists. */
  async questions(
    filter: { spaceSlug?: string; authorId?: string } = {},
    first = 50,
  ): Promise<{ id: string; title: string; status: string }[]> {
    const data = await this.request<{ questions: { edges: { node: { id: string; title: string; status: string } }[] } }>(
      `query ($filter: QuestionFilter, $first: Int) { questions(filter: $filter, first: $first) { edges { node { id title status } } } }`,
      { filter, first },
    );
    return data.questions.edges.map((e) => e.node);
  }
}

/** A new account, signed in. */
export async function signedUpClient(apiUrl: string, displayName: string): Promise<{ client: ApiClient; account: Account }> {
  const client = new ApiClient(apiUrl);
  return { client, account: await client.signUp(displayName) };
}
