import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { Locale } from '#lib/i18n/index.ts';
import WithI18n from './WithI18n.svelte';

export interface Rendered {
  /** The server-rendered HTML. */
  html: string;
  /** The visible text, whitespace collapsed (tags and hidden comments removed). */
  text: string;
}

/** Renders a component on the server as a page would, with translations in `locale`. */
export function renderWithI18n<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props,
  options: { locale?: Locale; now?: number; timeZone?: string } = {},
): Rendered {
  // The harness is generic over the inner component's props; svelte/server's typing cannot follow that.
  const { body } = render(WithI18n as unknown as Component<Record<string, unknown>>, { props: { component, props, ...options } });
  const text = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return { html: body, text };
}
