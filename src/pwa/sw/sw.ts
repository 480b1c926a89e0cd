/**
 * The service worker: the precached app for offline use, the app shell for every navigation,
 * an update only when the user asks for it, and files streamed to the downloads folder.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { APP_SHELL } from '../app-shell-name';
import { acceptStream, isStreamUrl, streamResponse } from './streamed-downloads';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
  else acceptStream(event);
});

// A first visit is controlled at once, so a big export can stream without a reload first.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
// Before the navigation route: the download is a navigation of a hidden frame.
registerRoute(({ url }) => isStreamUrl(url), ({ url, event }) => Promise.resolve(streamResponse(url, event as FetchEvent)));
registerRoute(new NavigationRoute(createHandlerBoundToURL(APP_SHELL)));
