import fastJson from 'fast-json-stringify';
import { z } from 'zod';

/**
 * A compiled stringifier for a route's answer (fast-json-stringify from the zod schema's JSON
 * schema): only the schema's properties are written, as zod's encoding would, at a third of the
 * cost of encoding with zod and then `JSON.stringify` — for hot routes that render their answer
 * themselves (the order placement renders it inside its transaction, to store it with its key).
 * A schema with parts JSON schema cannot express fails here, when the route module loads.
 */
export function answerStringifier<S extends z.ZodType>(schema: S): (value: z.output<S>) => string {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' });
  return fastJson(json as Parameters<typeof fastJson>[0]) as (value: z.output<S>) => string;
}
