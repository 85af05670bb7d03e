/**
 * The shape every agency format is read into lives with the newsroom's other
 * domain types (src/news/wireItem.ts), so the store and the desk can name it
 * too; the parsers here keep importing it from beside them.
 */
export type {
  WireDateline,
  WireFormat,
  WireImage,
  WireItem,
  WireParseResult,
  WireParser,
  WireSubject,
} from '../../news/wireItem.js';
