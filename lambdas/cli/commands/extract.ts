import { type Command, UsageError } from '../io';

/** `briefings extract REPORT.txt [--region KEY] [--id ID]`: a draft briefing on stdout (being written). */
export const extractCommand: Command = async () => {
  throw new UsageError('extract is not available yet');
};
