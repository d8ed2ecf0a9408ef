// Lint: the rules the type checker cannot enforce. A promise nobody awaits or handles is an error
// that vanishes (a failed write the caller never hears of), so every floating promise is refused.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'addin/dist/**', '.esbuild/**', '.bench/**', '.data/**', '**/generated/**', 'coverage/**', 'test-results/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
);
