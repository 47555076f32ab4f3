import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { CatalogueView, ElementInput } from './catalogue-schemas';
import { ImportCommitView, ImportPreviewView } from './import-schemas';
import { IndicatorMapQuery, IndicatorMapView } from './map-schemas';

/** The observatory: its catalogue, imports of official files, and indicators on the map. */
const tags = ['observatory'] as const;

export const observatoryEndpoints = {
  catalogue: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/catalogue',
    response: { 200: CatalogueView },
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
  createElement: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/elements',
    body: ElementInput,
    response: { 201: Type.Object({ id: Type.String() }) },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  /** Multipart: the file in "file", the import's settings as JSON in "settings"; nothing is written. */
  previewImport: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/imports/preview',
    multipart: true,
    response: { 200: ImportPreviewView },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  /** Multipart like the preview: writes all of it, or nothing when any line is wrong. */
  commitImport: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/imports',
    multipart: true,
    response: { 200: ImportCommitView },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  indicatorMap: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/indicators/:code/map',
    params: Type.Object({ code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }) }),
    query: IndicatorMapQuery,
    response: { 200: IndicatorMapView },
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
  /** The same table as a workbook, with its sources, vintages and caveat on a second sheet. */
  indicatorXlsx: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/indicators/:code/table.xlsx',
    params: Type.Object({ code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }) }),
    query: IndicatorMapQuery,
    response: {
      200: Type.String({
        format: 'binary',
        description: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    },
    file: true,
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
};

/** The partners' local analyses. */
export { analysisEndpoints } from './analysis-endpoints';
/** The thematic boards (declared beside, listed here as every contract of the module is). */
export { boardEndpoints } from './board-endpoints';
/** The figures computed from samen's own records. */
export { ownRecordsEndpoints } from './own-records-endpoints';
/** A map's boundaries, served apart and cached for good (public reference data). */
export { shapesEndpoints } from './shapes-endpoints';
