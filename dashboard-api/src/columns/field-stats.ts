import type { FieldInfo, FieldKind } from '../contract/columns-types';

const MAX_DISTINCT = 50;
const SHOWN_VALUES = 20;

/** What is known of one column over many experiments: how often, which types, which values. */
export class FieldStats {
  count = 0;
  private readonly kinds = new Set<Exclude<FieldKind, 'mixed'>>();
  private readonly values = new Map<string, number>();
  private capped = false;
  private readonly classes = new Set<string>();

  add(value: string | number | bigint | boolean | null, namespace: string): void {
    this.count += 1;
    this.classes.add(namespace);
    this.kinds.add(kindOf(value));
    this.addText(value === null ? 'null' : String(value), 1);
  }

  info(column: string, source: 'config' | 'result'): FieldInfo {
    const values = [...this.values.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, SHOWN_VALUES)
      .map(([text]) => text);
    return {
      column,
      source,
      kind: this.kinds.size === 1 ? ([...this.kinds][0] as FieldKind) : 'mixed',
      count: this.count,
      distinct: this.values.size,
      distinct_capped: this.capped,
      values,
      classes: [...this.classes].sort(),
    };
  }

  private addText(text: string, count: number): void {
    const known = this.values.get(text);
    if (known !== undefined) this.values.set(text, known + count);
    else if (this.values.size < MAX_DISTINCT) this.values.set(text, count);
    else this.capped = true;
  }
}

function kindOf(value: string | number | bigint | boolean | null): Exclude<FieldKind, 'mixed'> {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return 'number';
  return typeof value as 'string' | 'number' | 'boolean';
}
