import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, seedSpace, setTrustLevel, signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';

describe('the language a question is written in', () => {
  let t: TestApp;
  let member: TestUser;

  const languageOf = async (id: string) =>
    (await t.gql<{ question: { language: string | null } }>(`{ question(id: "${id}") { language } }`)).data.question.language;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    member = await signUp(t, 'Lina Language');
    await setTrustLevel(t.dataSource, member.id, 1);
  });
  afterAll(() => t?.close());

  it('is told from the title and body when asked, and follows an edit', async () => {
    const german = await ask(t, member, {
      title: 'Warum ist meine Abschlagszahlung gestiegen?',
      body: 'Seit dem Umzug zahle ich mehr, obwohl der Verbrauch gleich ist. Ist das ein Fehler bei euch?',
    });
    const english = await ask(t, member, {
      title: 'Why did my monthly payment go up?',
      body: 'Since the move I pay more although my usage is the same. Is this a mistake on your side?',
    });
    expect(await languageOf(german)).toBe('de');
    expect(await languageOf(english)).toBe('en');

    await t.dataSource.query(`UPDATE questions SET body_markdown = $2, title = $3 WHERE id = $1`, [
      english,
      'Seit dem Umzug zahle ich mehr. Ist das bei euch ein Fehler oder muss ich etwas tun?',
      'Warum zahle ich jetzt mehr?',
    ]);
    expect(await languageOf(english)).toBe('de');
  });

  it('stays unknown when the text does not tell', async () => {
    const id = await ask(t, member, {
      title: 'E-4711 Fehlercode 0x80070005 HTTP 503',
      body: 'E-4711 0x80070005 HTTP 503 v4.12.0 500 502 503 504 ...',
    });
    expect(await languageOf(id)).toBeNull();
  });
});
