/** A response body already serialized (cached stats and DAG): sent as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}
