import { beforeAll } from 'vitest';
import { preloadAll } from '../app/lazy';

// Test-only: the faces declare their pages lazily; load them all once, so a test renders a page at once.
beforeAll(() => preloadAll());
