import fc from 'fast-check';
import { z } from 'zod';

/**
 * Random values for a contract method's input, from the same zod schema the Node side checks
 * against (through its JSON Schema), so a new method or field is covered the day it is added.
 * Values are mostly valid; refinements JSON Schema cannot say (trimmed text, cross-field rules)
 * may still make some invalid, which is fine: the property is about what the api does with them.
 */

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

export interface ArbitraryOptions {
  /** Ids that exist in the workspace under test, so calls reach past "not found". */
  knownIds: readonly number[];
  /** Arrays are kept short so a run stays quick (a schema's own maximum still applies). */
  maxItems?: number;
}

/** Numbers that break code that trusts its input: the edges of every range and of the machine. */
const EDGE_NUMBERS = [0, 1, -1, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 8.64e15, 8.64e15 + 1, 1e21];

function integerArbitrary(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : Number.MIN_SAFE_INTEGER);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER);
  const inRange = (value: number) => value >= min && value <= max;
  const choices: fc.WeightedArbitrary<number>[] = [{ arbitrary: fc.integer({ min, max }), weight: 1 }];
  const known = options.knownIds.filter(inRange);
  if (known.length > 0) choices.push({ arbitrary: fc.constantFrom(...known), weight: 4 });
  const edges = [min, max, ...EDGE_NUMBERS].filter(inRange);
  choices.push({ arbitrary: fc.constantFrom(...edges), weight: 2 });
  return fc.oneof(...choices);
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e9;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e9;
  return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max));
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 200, 200);
  const text = fc.oneof(
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.string({ minLength, maxLength, unit: fc.constantFrom(...'ab {}<>/.:"\'\\\n😞ש'.split('')) }),
  );
  const extremes: fc.Arbitrary<string>[] = [];
  if (schema.maxLength !== undefined && schema.maxLength > 200) extremes.push(fc.constant('<div>'.repeat(Math.floor(schema.maxLength / 5))));
  return extremes.length > 0 ? fc.oneof({ arbitrary: text, weight: 4 }, ...extremes.map((arbitrary) => ({ arbitrary, weight: 1 }))) : text;
}

function fromJsonSchema(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => fromJsonSchema(alternative, options)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerArbitrary(schema, options);
    case 'number':
      return numberArbitrary(schema);
    case 'string':
      return stringArbitrary(schema);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? Infinity, options.maxItems ?? 4));
      return fc.array(schema.items ? fromJsonSchema(schema.items, options) : fc.jsonValue(), { minLength, maxLength });
    }
    case 'object': {
      if (schema.properties) {
        const required = new Set(schema.required ?? []);
        const shape = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, fromJsonSchema(value, options)]));
        return fc.record(shape, { requiredKeys: Object.keys(shape).filter((key) => required.has(key)) });
      }
      if (schema.propertyNames && typeof schema.additionalProperties === 'object') {
        return fc.dictionary(fromJsonSchema(schema.propertyNames, options) as fc.Arbitrary<string>, fromJsonSchema(schema.additionalProperties, options), {
          maxKeys: options.maxItems ?? 4,
        });
      }
      return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mostly-valid input for a schema. */
export function validInput(schema: z.ZodType, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fromJsonSchema(json, options);
}

/**
 * Input that is wrong in one way a client could get it wrong: a field of the wrong type or out of
 * range, a required field missing, a field the method does not know, or not an object at all.
 */
export function invalidInput(schema: z.ZodType, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 53), 1e308, '', ' ', 'NaN', '__proto__', [], {}, null, true),
  );
  return fc.oneof(
    hostile,
    fc.tuple(validInput(schema, options), fc.nat(), hostile, fc.constantFrom('replace', 'delete', 'add')).map(([value, pick, junk, how]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return junk;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length > 0 ? keys[pick % keys.length]! : 'surprise';
      if (how === 'replace') copy[key] = junk;
      else if (how === 'delete') delete copy[key];
      else copy[`unexpected${pick % 7}`] = junk;
      return copy;
    }),
  );
}
