/** The app's version from package.json, set by Vite at build time. */
declare const __APP_VERSION__: string;
/** The sync server's origin when it is not the app's (SYNC_URL at build time), or empty. */
declare const __SYNC_ORIGIN__: string;
