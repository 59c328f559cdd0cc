import { renderMarkdown } from '@peerdesk/markdown';
import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { BodyConverter, cleanText } from './body-format';

describe('BodyConverter', () => {
  const convert = new BodyConverter('https://site.example');

  it('keeps code blocks, inline code, links, lists, emphasis, blockquotes, headings and tables from HTML', () => {
    const html = [
      '<h2>Setup</h2><p>Run <code>make &amp;&amp; make install</code>, then <em>wait</em> and <strong>check</strong> <a href="/q/5" title="Other">this</a>.</p>',
      '<pre><code>const a = 1;\nconsole.log(a &lt; 2);\n</code></pre>',
      '<ol><li>one</li><li>two</li></ol><blockquote><p>as said</p></blockquote><p><del>old</del> <img src="https://i.example/x.png" alt="shot"></p>',
      '<table><thead><tr><th>a</th><th>b|c</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    ].join('\n');
    expect(convert.toMarkdown(html, 'html')).toBe(
      [
        '## Setup',
        '',
        'Run `make && make install`, then *wait* and **check** [this](https://site.example/q/5 "Other").',
        '',
        '```',
        'const a = 1;',
        'console.log(a < 2);',
        '```',
        '',
        '1.  one',
        '2.  two',
        '',
        '> as said',
        '',
        '~~old~~ ![shot](https://i.example/x.png)',
        '',
        '| a | b\\|c |',
        '| --- | --- |',
        '| 1 | 2 |',
      ].join('\n'),
    );
  });

  it('drops scripts, styles and embedded objects, keeps the text of unknown tags; the policy renders no raw HTML', () => {
    const markdown = convert.toMarkdown(
      '<p>Hi<script>alert(1)</script><style>p{}</style><iframe src="https://evil"></iframe> <blink>there</blink> <a href="javascript:alert(1)">x</a></p>',
      'html',
    );
    expect(markdown).not.toMatch(/alert\(1\)<|script|style|iframe|blink/);
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<script|<iframe|href="javascript/);
    expect(html).toContain('there');
  });

  it('escapes plain text so it renders as written, keeping URLs, paragraphs and line breaks', () => {
    const markdown = convert.toMarkdown(
      '# not a heading\n2 * 3 = 6 and _x_ see https://a.example/p_q_r.\n\n- not a list\r\nAT&amp;T',
      'text',
    );
    const html = renderMarkdown(markdown);
    expect(html).toContain('# not a heading<br>');
    expect(html).toContain('2 * 3 = 6 and _x_ see <a href="https://a.example/p_q_r"');
    expect(html).toContain('- not a list<br>');
    expect(html).toContain('AT&amp;amp;T');
    expect(html).not.toMatch(/<h1|<em>|<ul>/);
  });

  it('escapes every line that one of the Turndown escapes acts on, and leaves the others as they are', () => {
    const turndown = new TurndownService();
    const lines = [
      '=== x',
      '+ item',
      '~~~ fence',
      '> quote',
      '12. one',
      '# title',
      '- dash',
      'a `code`',
      '[a] b',
      'a \\ b',
      'x*y',
      'a_b',
      'AT&amp;T',
      'plain text, 2 + 3 = 5 - no (list) here!',
    ];
    for (const line of lines) expect(convert.toMarkdown(line, 'text')).toBe(turndown.escape(line).replace(/&(?=#?[a-z0-9]+;)/gi, '\\&'));
    expect(convert.toMarkdown(lines.at(-1)!, 'text')).toBe(lines.at(-1));
  });

  it('passes Markdown through and cleans what PostgreSQL cannot store', () => {
    expect(convert.toMarkdown('  **bold**\r\n', 'markdown')).toBe('**bold**');
    expect(cleanText('a\u0000b\ud800c')).toBe('ab\uFFFDc');
  });
});
