import Type, { type Static, type TSchema } from 'typebox';

/** Schema pieces every module uses: written once here, imported by API contracts and forms alike. */

/** A record id (UUID). Every id parameter and field is validated this one way. */
export const Uuid = Type.String({ format: 'uuid' });
/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = Type.String({ format: 'date' });
/** An instant, ISO 8601 with time zone. */
export const IsoDateTime = Type.String({ format: 'date-time' });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/**
 * Null tried first: the request validator coerces types and would read a null tried against an integer
 * as 0 (or against a string as ""); an input null must stay null. For request bodies.
 */
export const NullFirst = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/** `{ id }` path parameters. */
export const IdParams = Type.Object({ id: Uuid });
export type IdParams = Static<typeof IdParams>;

/** The answer of an action that returns nothing else. */
export const Ok = Type.Object({ ok: Type.Boolean() });
export type Ok = Static<typeof Ok>;

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` of every paged list. */
export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
};

/** `{ items, total, page, pageSize }`: one page of a list. */
export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

/** The page asked for, with the defaults every list uses. */
export function pageOf(q: { page?: number; pageSize?: number }, defaultSize = DEFAULT_PAGE_SIZE) {
  const page = q.page ?? 1;
  const pageSize = Math.min(q.pageSize ?? defaultSize, MAX_PAGE_SIZE);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** A search term as stores use it: trimmed, and absent when blank. */
export const searchTerm = (q: string | null | undefined): string | null => {
  const t = q?.trim();
  return t ? t : null;
};

/** A LIKE pattern that matches the term literally anywhere (%, _ and \ escaped). */
export const likeAnywhere = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
