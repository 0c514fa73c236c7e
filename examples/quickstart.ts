import { Field, Float, Gren, GrenObject } from 'gren-ts';

@Gren()
export class Greeting extends GrenObject<string, Greeting> {
  @Field() name: string = 'world';
  @Field({ type: Float }) excitement: number = 1;

  protected _create(): string {
    return `hello ${this.name}${'!'.repeat(this.excitement)}`;
  }

  protected _load(): string {
    return this._create();
  }
}

const greeting = new Greeting({ name: 'gren', excitement: 3 });
console.log(greeting.grenHash); // 20 hex characters, the same on every machine
console.log(greeting.grenDir); // <GREN_PATH>/data/examples/quickstart/Greeting/<hash>
console.log(greeting.toCode()); // new Greeting({ name: 'gren', excitement: 3 })
