/**
 * The Chinese figure grammar, one entry point for `briefings format`, the extractor and validation:
 * the words (vocabulary.ts), the parser (figure.ts) and the writer (formatFigure.ts).
 */
export * from './vocabulary';
export * from './figure';
export * from './formatFigure';
