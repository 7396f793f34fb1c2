import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** React and the libraries built on it: src/core must run without any of them. */
const reactPackages = {
  regex: String.raw`^(?:react|react-dom|react-hook-form)(?:/|$)|^@tanstack/`,
  message: 'src/core is plain TypeScript: React, react-dom, TanStack and react-hook-form belong in src/react.',
}

/** Relative imports of the components folder, from any depth. */
const componentsFolder = {
  regex: String.raw`^\.{1,2}/(?:.*/)?components(?:/|$)`,
  message: 'Components sit on top of the hooks and the core: import them only from src/components and the entries.',
}

/** Relative imports of the hooks folder, from any depth. */
const reactFolder = {
  regex: String.raw`^\.{1,2}/(?:.*/)?react(?:/|$)`,
  message: 'src/core must not depend on src/react.',
}

/**
 * src/testing (`otp-kit/testing`) is the back ends' stand-in, not a part of
 * the kit: it answers as a server would whatever the kit believes, so the
 * contract tests compare two independent readings of docs/back-ends.md. From
 * outside its folder it may import msw and Node's built-ins, nothing else:
 * not src/core, src/react or src/components, not React, not a file above it.
 */
const testingOnly = 'src/testing stands alone: from outside its folder it imports only msw and node: built-ins, never the kit (src/core, src/react, src/components).'

/** Any package but msw and Node's built-ins (a relative path starts with a dot). */
const testingPackages = {
  regex: String.raw`^(?!\.|node:|msw(?:/|$))`,
  message: testingOnly,
}

/** A path that enters a folder and climbs back out (`./routes/../../core`): written short, the climb below is seen. */
const testingDetour = {
  regex: String.raw`(?:^|/)(?!\.\.(?:/|$))[^/]+/\.\.(?:/|$)`,
  message: 'Write the path without going into a folder and back out, so lint can tell where it leads.',
}

/** From a file `depth` folders below src/testing, a relative path that climbs out of src/testing. */
function testingClimb(depth) {
  return { regex: String.raw`^(?:\.\./){${depth + 1}}`, message: testingOnly }
}

/** The rules for the files `depth` folders below src/testing; `deeper` takes the folders under them too (stricter there). */
function testingFolder(depth, deeper = false) {
  return {
    files: [`src/testing/${'*/'.repeat(depth)}${deeper ? '**' : '*'}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [testingPackages, testingDetour, testingClimb(depth)] }],
      // `import()` is not seen by no-restricted-imports.
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.type!='Literal']", message: 'src/testing loads modules by a name written out, so lint can check it.' },
        { selector: String.raw`ImportExpression[source.type='Literal'][source.value!=/^(?:node:|msw(?:\/|$))/]`, message: testingOnly },
      ],
    },
  }
}

export default defineConfig([
  globalIgnores([
    'dist/',
    '.bench-hosts/',
    'node_modules/',
    'storybook-static/',
    'coverage/',
    'demo-dist/',
    'public/mockServiceWorker.js',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The two classic rules, at error: a hook called conditionally, or an
    // effect that reads a value it does not list, is a bug waiting for a
    // re-render. (The React Compiler rules of the plugin's recommended set
    // are left out: the kit is not compiled.) Tests and scripts name vitest
    // and build helpers `use…`, which are not React hooks.
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}', 'demo/**/*.{ts,tsx}', 'test/readme/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Later objects replace this rule rather than merge with it, so each
    // folder lists every restriction that applies to it.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [reactPackages, componentsFolder, reactFolder] }],
    },
  },
  {
    files: ['src/react/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [componentsFolder] }],
    },
  },
  testingFolder(0),
  testingFolder(1),
  testingFolder(2, true),
  {
    // The entry re-exports the folder and nothing else.
    files: ['src/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [testingPackages, testingDetour, { regex: String.raw`^\.(?!/testing/)`, message: testingOnly }] },
      ],
    },
  },
])
