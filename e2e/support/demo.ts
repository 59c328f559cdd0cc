// The demo community the api seeds when DEMO_COMMUNITY is on (startStack({ demo: true })). Spaces
// cannot be created over GraphQL yet, so this is where tests get them. The content is read from the
// api's own file (its build, as the api package is CommonJS), so tests follow the demo when it changes.
type DemoContent = typeof import('../../api/src/demo/demo-content.ts');

const built = new URL('../../api/dist/demo/demo-content.js', import.meta.url).href;
export const { demoSpaces, demoThreads, demoUsers } = (await import(built)) as DemoContent;

export const BILLING = demoSpaces.find((space) => space.slug === 'billing-tariffs')!;
export const INVOICE_TAG = 'invoice';

export function demoUserName(key: string): string {
  return demoUsers.find((user) => user.key === key)!.displayName;
}
