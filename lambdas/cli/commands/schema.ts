import { briefingJsonSchema } from '../../core/model/jsonSchema';
import type { Command } from '../io';

/** `briefings schema`: the JSON Schema of a briefing document (committed as schema/briefing.schema.json). */
export const schemaCommand: Command = async (_args, io) => {
  io.out(JSON.stringify(briefingJsonSchema(), null, 2));
  return 0;
};
