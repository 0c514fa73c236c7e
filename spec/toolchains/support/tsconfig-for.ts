/** The compiler options gren's decorators need (legacy decorators with field type metadata). */
export const LEGACY_DECORATOR_OPTIONS = {
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
} as const;

/** A user's tsconfig.json: CommonJS output in dist/, plus the given compiler options. */
export function tsconfigFor(options: Record<string, unknown>): unknown {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      rootDir: 'src',
      outDir: 'dist',
      ...options,
    },
    include: ['src'],
  };
}
