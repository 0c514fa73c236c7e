import type { FieldInfo } from '@contract/columns-types';
import { configSuggestions } from './config-suggestions';

const field = (column: string, values: string[], source: FieldInfo['source'] = 'config'): FieldInfo => ({
  column,
  source,
  kind: 'number',
  count: 3,
  distinct: values.length,
  distinct_capped: false,
  values,
  classes: ['my.Train'],
});
const FIELDS = [
  field('config.lr', ['0.001', '0.01', '0.1']),
  field('config.steps', ['200', '5000']),
  field('config.dataset.name', ['toy', 'mnist']),
  field('result.loss', ['0.5'], 'result'),
];

describe(configSuggestions, () => {
  it('should offer each matching config path with its values, paths starting with the text first', () => {
    expect(configSuggestions('s', FIELDS)).toEqual([
      'steps=200',
      'steps=5000',
      'dataset.name=toy',
      'dataset.name=mnist',
    ]);
  });

  it('should offer every config field when nothing is typed, never result keys', () => {
    const all = configSuggestions('', FIELDS);
    expect(all).toHaveLength(7);
    expect(all.some((hint) => hint.startsWith('loss'))).toBe(false);
  });

  it('should offer the known values after an operator, keeping the operator', () => {
    expect(configSuggestions('lr>=0.0', FIELDS)).toEqual(['lr>=0.001', 'lr>=0.01']);
    expect(configSuggestions('dataset.name!=', FIELDS)).toEqual(['dataset.name!=toy', 'dataset.name!=mnist']);
    expect(configSuggestions('steps<5', FIELDS)).toEqual(['steps<5000']);
  });

  it('should offer nothing for an unknown path', () => {
    expect(configSuggestions('nope=1', FIELDS)).toEqual([]);
  });
});
