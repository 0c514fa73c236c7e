/** An experiment's address: `namespace/hash`, as used in `/compare?ids=`. */
export interface ExperimentRef {
  readonly namespace: string;
  readonly gren_hash: string;
}

export function experimentLink(ref: ExperimentRef): string[] {
  return ['/experiments', ref.namespace, ref.gren_hash];
}

export function refId(ref: ExperimentRef): string {
  return `${ref.namespace}/${ref.gren_hash}`;
}

/** Splits at the last `/` (a namespace may hold one, a hash never does). */
export function parseRefId(id: string): ExperimentRef | null {
  const cut = id.lastIndexOf('/');
  if (cut <= 0 || cut === id.length - 1) {
    return null;
  }
  return { namespace: id.slice(0, cut), gren_hash: id.slice(cut + 1) };
}

export function className(namespace: string): string {
  return namespace.slice(namespace.lastIndexOf('.') + 1);
}
