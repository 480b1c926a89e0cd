/** The page the service worker answers navigations with (written by src/build/app-shell.ts). */
export const APP_SHELL = 'app.html';
