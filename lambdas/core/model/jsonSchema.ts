import * as z from 'zod';
import { briefingSchema } from './schema';

/** The data contract as JSON Schema (draft 2020-12), for producers who do not use this code. */
export function briefingJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://bilingual-briefings.invalid/schema/briefing.schema.json',
    title: 'Bilingual Briefings: one briefing document',
    ...z.toJSONSchema(briefingSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
  };
}
