// Images in posts, in real Chromium: a screenshot pasted or dropped into the ask composer is uploaded,
// described and inserted, and shows on the thread; without JavaScript the composer's file field does
// the same through a form post. The composer is looked at (screenshots) at 390 and 1280 px.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { setTrustLevel } from '../support/db.ts';
import { BILLING } from '../support/demo.ts';
import { resultsDir, startStack, type Stack } from '../support/stack.ts';
import { fillAskForm, questionArticle, signUp, submitQuestion, visit } from '../support/ui.ts';

let stack: Stack;
const browsers: Browser[] = [];
const shots = join(resultsDir, 'images');
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
};

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'images' });
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

/** A real PNG (RGB, a colour gradient), written by hand: the e2e package has no image library. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set([(x * 5) % 256, (y * 7) % 256, 160], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pastes (or drops) a file into the composer's text field, as the browser does for a screenshot in the clipboard. */
async function giveFile(page: Page, how: 'paste' | 'drop', file: { name: string; type: string; bytes: Buffer }): Promise<void> {
  await page.getByRole('textbox', { name: 'Details' }).evaluate(
    (textarea, { how, name, type, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      const init = { bubbles: true, cancelable: true };
      textarea.dispatchEvent(
        how === 'paste'
          ? new ClipboardEvent('paste', { ...init, clipboardData: transfer })
          : new DragEvent('drop', { ...init, dataTransfer: transfer }),
      );
    },
    { how, name: file.name, type: file.type, base64: file.bytes.toString('base64') },
  );
}

const UPLOAD_MARKDOWN = /!\[([^\]]*)\]\((\/uploads\/[0-9a-f-]{36}-\d+x\d+\.png)\)/;

/** The image in the question on its thread page has loaded through the web origin, and is served inert. */
async function expectImageOnThread(page: Page, alt: string): Promise<void> {
  const image = questionArticle(page).getByRole('img', { name: alt });
  await image.waitFor();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  const src = (await image.getAttribute('src'))!;
  expect(src).toMatch(/^\/uploads\/[0-9a-f-]{36}-320x\d+\.png$/);
  // The page reserves the image's space before it loads (no layout shift).
  expect(await image.getAttribute('width')).toBe('320');
  const response = await page.request.get(new URL(src, stack.webUrl).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['content-security-policy']).toBe("default-src 'none'");
  expect(response.headers()['cache-control']).toContain('immutable');
}

test('a pasted and a dropped screenshot are uploaded, described and shown on the thread', async () => {
  const page = await open();
  await signUp(page, stack.webUrl, 'Screenshot Sara');
  await setTrustLevel(stack.databaseUrl, 'Screenshot Sara', 1);
  await visit(page, `${stack.webUrl}/ask`);
  const title = 'Error dialog when I save my meter reading';
  await fillAskForm(page, { space: BILLING.name, title, body: 'Saving my meter reading shows this error every time:' });
  const details = page.getByRole('textbox', { name: 'Details' });

  // Not an image (HTML in a file that claims to be a PNG): a clear error, nothing inserted.
  await giveFile(page, 'paste', { name: 'trick.png', type: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
  await page.getByRole('alert').filter({ hasText: 'This file is not an image' }).waitFor();
  expect(await details.inputValue()).not.toContain('/uploads/');

  // A screenshot from the clipboard: uploaded at once, described from its name, inserted at the cursor.
  await details.evaluate((textarea: HTMLTextAreaElement) => textarea.setSelectionRange(textarea.value.length, textarea.value.length));
  await giveFile(page, 'paste', { name: 'error-dialog.png', type: 'image/png', bytes: png(320, 200) });
  const describe = page.getByRole('textbox', { name: 'Describe the image' });
  expect(await describe.inputValue()).toBe('error dialog');
  await page.getByRole('status').filter({ hasText: 'error-dialog.png is uploaded' }).waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, 'composer-uploaded-390.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await describe.fill('Error “Reading not saved” after pressing Save');
  await describe.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Image inserted.' }).waitFor();
  const [, alt, url] = UPLOAD_MARKDOWN.exec(await details.inputValue())!;
  expect(alt).toBe('Error “Reading not saved” after pressing Save');
  // The live preview shows it.
  await page.getByRole('region', { name: 'Preview' }).getByRole('img', { name: alt! }).waitFor();

  // A second one dropped onto the text.
  await giveFile(page, 'drop', { name: 'Bildschirmfoto.png', type: 'image/png', bytes: png(320, 120) });
  await page.getByRole('button', { name: 'Insert image' }).and(page.locator(':enabled')).waitFor();
  await page.getByRole('button', { name: 'Insert image' }).click();
  expect((await details.inputValue()).match(new RegExp(UPLOAD_MARKDOWN.source, 'g'))).toHaveLength(2);
  await page.screenshot({ path: join(shots, 'composer-inserted-1280.png'), fullPage: true });

  await submitQuestion(page);
  await page.waitForURL(/\/questions\/\d+\/[\w-]+/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await expectImageOnThread(page, alt!);
  expect(url).toBeTruthy();
  await page.screenshot({ path: join(shots, 'thread-1280.png'), fullPage: true });
});

test('without JavaScript, the file field uploads the image into the text and the post shows it', async () => {
  const page = await open({ javaScriptEnabled: false });
  await signUp(page, stack.webUrl, 'Plain Paul');
  await setTrustLevel(stack.databaseUrl, 'Plain Paul', 1);
  await visit(page, `${stack.webUrl}/ask`);
  const title = 'Invoice page shows a blank table since Monday';
  await fillAskForm(page, { space: BILLING.name, title, body: 'The invoice page shows an empty table, see the screenshot:' });

  // A text file named like an image is refused with a message at the text, and the text is kept.
  await page.getByLabel('Add an image').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some notes') });
  await page.getByRole('button', { name: 'Insert image' }).click();
  await page.getByText('This file is not an image: choose a PNG, JPEG, WebP or GIF.').waitFor();
  expect(await page.getByRole('textbox', { name: 'Details' }).inputValue()).toBe(
    'The invoice page shows an empty table, see the screenshot:',
  );

  await page.getByLabel('Add an image').setInputFiles({ name: 'blank-table.png', mimeType: 'image/png', buffer: png(320, 160) });
  await page.getByRole('textbox', { name: 'Describe the image' }).fill('Invoice page with an empty table');
  await page.getByRole('button', { name: 'Insert image' }).click();
  await page.getByRole('region', { name: 'Preview' }).getByRole('img', { name: 'Invoice page with an empty table' }).waitFor();
  const body = await page.getByRole('textbox', { name: 'Details' }).inputValue();
  expect(body).toMatch(
    /^The invoice page shows an empty table, see the screenshot:\n\n!\[Invoice page with an empty table\]\(\/uploads\/[0-9a-f-]{36}-\d+x\d+\.png\)\n*$/,
  );
  // The rest of the form came back as it was filled in.
  expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, 'composer-nojs-390.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  await submitQuestion(page);
  await page.waitForURL(/\/questions\/\d+\/[\w-]+/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await expectImageOnThread(page, 'Invoice page with an empty table');
});
