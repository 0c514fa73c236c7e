import { GrenDefinitionError } from '../errors/definition-error';
import type { MigrationStep } from './migration-step';

const EXPECTED =
  "an array of steps made by addedField(), renamedField(), removedField() and movedFrom() from 'gren-ts'";

/**
 * What @Gren() can check at once: `migrations` is an array of well-formed steps. Whether the
 * steps fit the class's fields is checked on first use, when every field type is known.
 */
export function checkMigrationShapes(className: string, migrations: unknown): void {
  if (!Array.isArray(migrations))
    throw GrenDefinitionError.invalidOption(className, 'migrations', migrations, EXPECTED);
  migrations.forEach((step: unknown, index) => {
    if (!isWellFormed(step)) {
      throw GrenDefinitionError.invalidOption(className, `migrations[${index}]`, describe(step), EXPECTED);
    }
  });
}

function isWellFormed(step: unknown): step is MigrationStep {
  if (typeof step !== 'object' || step === null) return false;
  const candidate = step as Record<string, unknown>;
  switch (candidate['kind']) {
    case 'addedField':
      return isName(candidate['field']);
    case 'renamedField':
      return isName(candidate['from']) && isName(candidate['to']) && candidate['from'] !== candidate['to'];
    case 'removedField':
      return isName(candidate['field']);
    case 'movedFrom':
      return typeof candidate['namespace'] === 'string';
    default:
      return false;
  }
}

function isName(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function describe(step: unknown): string {
  try {
    return JSON.stringify(step) ?? String(step);
  } catch {
    return String(step);
  }
}
