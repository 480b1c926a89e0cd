import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/preact';
import { afterEach } from 'vitest';

// findBy/waitFor wait for what the screen will show; on a busy machine that can take longer than
// the library's one second, which is a ceiling, not a measure.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  location.hash = '';
});
