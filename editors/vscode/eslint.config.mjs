// Lint rules for the extension: typescript-eslint's recommended type-aware set.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'esbuild.mjs', 'eslint.config.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: 'error',
    },
  },
  {
    // node:test's test() returns a promise the runner itself awaits
    files: ['src/test/**'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
);
