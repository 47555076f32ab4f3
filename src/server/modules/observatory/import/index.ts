/**
 * The observatory's file import, parsing layer (no database): decode, recognise, map and read official
 * files (INSEE, CAF, Statbel, IWEPS WalStat, generic long tables) into values with line-numbered errors.
 */
export { isKnownCode, type KnownCodes, readGeoCode } from './codes';
export { type DecodedText, decodeBytes, StreamingTextDecoder, type TextEncodingName } from './decode';
export { detectFile, type FileDetection } from './detect';
export { type HeaderRecognition, headerKey, recogniseHeader } from './header';
export { elementCodeOf, inferInseeColumn, type SuggestOptions, suggestMapping } from './mapping';
export {
  type ImportParse,
  type ImportProgress,
  type ImportStats,
  type ParsedFile,
  type ParseOptions,
  parseAll,
  parseImport,
} from './parse';
export { censusWindow, normalisePeriod } from './period';
export {
  type Container,
  fileSource,
  type ImportSource,
  type ImportStreamSource,
  type TableHeader,
} from './table';
export {
  IMPORT_ERROR_CODES,
  IMPORT_ERROR_KEY_PREFIX,
  IMPORT_FORMATS,
  type ImportColumnMapping,
  type ImportError,
  type ImportErrorCode,
  type ImportFormat,
  type ImportLayout,
  type ImportMapping,
  type ImportRow,
} from './types';
export { BLANK_MARKERS, parseNumber, readValue, SECRET_MARKERS } from './values';
