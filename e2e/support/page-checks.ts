// Checks every layout-minded test makes: nothing scrolls sideways, and a screenshot to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './stack.ts';

/** Fails when the page is wider than the window (phones: 360–400 px). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
}

/** A screenshot saver for one test file: e2e/results/<folder>/<name>.png (the whole page unless `fullPage: false`). */
export function screenshots(folder: string) {
  const dir = join(repoRoot, 'e2e', 'results', folder);
  return async (page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> => {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: options.fullPage ?? true });
  };
}
