import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspPlugin, syncOrigin } from '../../src/build/csp';

const connectSrc = (policy: string) => policy.split('; ').filter((d) => d.startsWith('connect-src'));

describe('the Content-Security-Policy and the sync server', () => {
  it('lets the page connect to its own origin only, unless built for a sync server elsewhere: then to that origin alone as well', () => {
    expect(connectSrc(contentSecurityPolicy())).toEqual(["connect-src 'self'"]);
    expect(connectSrc(contentSecurityPolicy('https://sync.example.org'))).toEqual(["connect-src 'self' https://sync.example.org wss://sync.example.org"]);
    expect(connectSrc(contentSecurityPolicy('http://localhost:8080'))).toEqual(["connect-src 'self' http://localhost:8080 ws://localhost:8080"]);
    // Nothing else in the policy changes.
    expect(contentSecurityPolicy('https://sync.example.org').replace(' https://sync.example.org wss://sync.example.org', '')).toBe(contentSecurityPolicy());
  });

  it('reads SYNC_URL as an origin, and refuses what is not an http(s) address', () => {
    expect(syncOrigin(undefined)).toBe('');
    expect(syncOrigin('https://Sync.Example.org:8443/some/path?x=1')).toBe('https://sync.example.org:8443');
    expect(() => syncOrigin('javascript:alert(1)')).toThrow('SYNC_URL must start with https:// or http://');
    expect(() => syncOrigin('sync.example.org')).toThrow('SYNC_URL must be an address');
    // A value that could add a directive of its own never reaches the policy.
    expect(() => syncOrigin("https://a.example; script-src 'unsafe-inline'")).toThrow('SYNC_URL must be an address');
  });

  it('puts the configured origin into the built page’s policy', () => {
    const plugin = cspPlugin('https://sync.example.org');
    const hook = plugin.transformIndexHtml as unknown as { handler: () => { attrs: Record<string, string> }[] };
    const [tag] = hook.handler();
    expect(connectSrc(tag!.attrs.content!)).toEqual(["connect-src 'self' https://sync.example.org wss://sync.example.org"]);
  });
});
