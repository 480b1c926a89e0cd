import { expect, test } from './fixtures';
import { newDevice } from './sync-devices';

test('the app connects to its own sync server and refuses any other origin (the Content-Security-Policy)', async ({ browser, baseURL }) => {
  // A device of its own: the refusals below are reported on the console, which the fixture's page would count as errors.
  const device = await newDevice(browser, baseURL!);
  await device.page.goto('/#/settings');
  const outcome = await device.page.evaluate(async (own) => {
    const refused: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => refused.push(`${event.effectiveDirective} ${event.blockedURI}`));
    const reach = (url: string) =>
      fetch(url).then(
        (response) => `answered ${response.status}`,
        () => 'refused',
      );
    const socket = (url: string) =>
      new Promise<string>((resolve) => {
        try {
          const ws = new WebSocket(url);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('refused');
        } catch {
          resolve('refused');
        }
      });
    const results = {
      ownHealth: await reach(`${own}/healthz`),
      ownSocket: await socket(`${own.replace('http', 'ws')}/sync`),
      otherFetch: await reach('http://127.0.0.2:9/healthz'),
      otherSocket: await socket('ws://127.0.0.2:9/sync'),
    };
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { results, refused };
  }, baseURL!);
  expect(outcome.results).toEqual({ ownHealth: 'answered 200', ownSocket: 'open', otherFetch: 'refused', otherSocket: 'refused' });
  expect([...new Set(outcome.refused)].sort()).toEqual(['connect-src http://127.0.0.2:9/healthz', 'connect-src ws://127.0.0.2:9/sync']);
  await device.context.close();
});
