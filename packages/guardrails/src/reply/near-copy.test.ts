import { describe, expect, it } from 'vitest';
import { checkNearCopy } from './near-copy.js';

const template =
  'Hallo Anna, danke für deine Geduld. Wir haben das Problem mit der Zählerablesung geprüft: Bitte starte das Gateway einmal neu, warte fünf Minuten und lade die Seite dann erneut. Danach sollten die Werte wieder stimmen. Viele Grüße, Miriam';
const other =
  'Hallo Jonas, deine Abschlagszahlung wurde angepasst, weil sich der Arbeitspreis zum Juli geändert hat. Die neue Höhe findest du im Portal unter Verträge. Viele Grüße, Miriam';

describe('near-copy', () => {
  it('reports the most similar recent reply', () => {
    const draft = template.replace('Anna', 'Priya');
    const [finding] = checkNearCopy(draft, [other, template, template.slice(0, 150)]);
    expect(finding).toMatchObject({ rule: 'near-copy', severity: 'warning', start: 0, end: draft.length, related: { index: 1 } });
    expect(finding!.related!.similarity).toBeGreaterThan(0.85);
    expect(finding!.message).toContain('#2');
    expect(finding!.messageDe).toContain('Nr. 2');
  });

  it('is quiet below the threshold, and the threshold can be set', () => {
    const draft = template.replace('Bitte starte das Gateway einmal neu', 'Bitte setze die App zurück und melde dich neu an');
    expect(checkNearCopy(draft, [other, template])).toEqual([]);
    expect(checkNearCopy(draft, [other, template], 0.5)).toHaveLength(1);
  });

  it('ignores short replies, which are alike by nature', () => {
    expect(checkNearCopy('Danke, ist erledigt!', ['Danke, ist erledigt!'])).toEqual([]);
  });
});
