import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // One database per worker process; SQLite files are per test file.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000
  }
});
