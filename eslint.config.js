import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
  {
    ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/']
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node }
    }
  },
  {
    // <script lang="ts"> in components and rune modules is parsed by typescript-eslint.
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        parser: ts.parser,
        extraFileExtensions: ['.svelte'],
        svelteConfig
      }
    }
  },
  {
    // Migrations are frozen in time and work on Kysely<any>, not the app's schema types.
    files: ['src/lib/server/db/migrations/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  // Formatting belongs to Prettier: these turn off every rule that would fight it.
  prettier,
  svelte.configs.prettier
);
