import { createHash } from 'node:crypto';

/**
 * Independent check of the audit log's hash chains. The database renders each field as text exactly as
 * audit.canonical() receives it (timestamp in UTC with microseconds, jsonb::text, uuid::text); the
 * canonical line, the chaining and the SHA-256 are rebuilt here, so a row changed or removed behind
 * the application's back (by the owner or a superuser) no longer matches.
 */

export interface AuditRowText {
  chain: string;
  seq: number;
  at: string;
  org_id: string | null;
  actor_user_id: string | null;
  actor_org_id: string | null;
  request_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
  prev_hash: string | null;
  hash: string;
}

export interface ChainReport {
  chain: string;
  entries: number;
  ok: boolean;
  /** The first sequence number that does not verify (a missing, altered or mislinked entry). */
  firstBadSeq: number | null;
  reason: 'hash' | 'link' | 'gap' | 'head' | null;
}

/** The same string as audit.canonical(); NULLs become '' except in the columns that are NOT NULL. */
export function canonicalText(r: AuditRowText): string {
  return [
    r.chain,
    String(r.seq),
    r.at,
    r.org_id ?? '',
    r.actor_user_id ?? '',
    r.actor_org_id ?? '',
    r.request_id ?? '',
    r.action,
    r.entity,
    r.entity_id ?? '',
    r.before ?? '',
    r.after ?? '',
    r.detail ?? '',
  ].join('|');
}

export function entryHash(prevHex: string | null, r: AuditRowText): string {
  return createHash('sha256')
    .update(prevHex ? Buffer.from(prevHex, 'hex') : Buffer.alloc(0))
    .update(canonicalText(r), 'utf8')
    .digest('hex');
}

/** Walks one chain's entries in seq order and reports the first one that breaks it. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prev: string | null = null;
  private count = 0;
  private bad: { seq: number; reason: ChainReport['reason'] } | null = null;

  constructor(readonly chain: string) {}

  add(r: AuditRowText): void {
    this.count++;
    if (this.bad) return;
    if (r.seq !== this.expectedSeq) {
      this.bad = { seq: Math.min(r.seq, this.expectedSeq), reason: 'gap' };
      return;
    }
    if ((r.prev_hash ?? null) !== this.prev) {
      this.bad = { seq: r.seq, reason: 'link' };
      return;
    }
    if (entryHash(this.prev, r) !== r.hash) {
      this.bad = { seq: r.seq, reason: 'hash' };
      return;
    }
    this.prev = r.hash;
    this.expectedSeq++;
  }

  /** Closes the chain against its recorded head: removing the newest entries is tampering too. */
  finish(head: { seq: number; hash: string } | undefined): ChainReport {
    if (!this.bad && (!head || head.seq !== this.expectedSeq - 1 || head.hash !== this.prev))
      this.bad = { seq: this.expectedSeq, reason: 'head' };
    return {
      chain: this.chain,
      entries: this.count,
      ok: !this.bad,
      firstBadSeq: this.bad?.seq ?? null,
      reason: this.bad?.reason ?? null,
    };
  }
}

/** Reads rows through `query` (owner connection) in pages, so a large log never sits in memory. */
export type RawQuery = (text: string, params: readonly unknown[]) => Promise<unknown[]>;

const BATCH = 5000;
const SELECT_ROWS = `select chain, seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at,
    org_id::text as org_id, actor_user_id::text as actor_user_id, actor_org_id::text as actor_org_id,
    request_id, action, entity, entity_id, before::text as before, after::text as after,
    detail::text as detail, encode(prev_hash, 'hex') as prev_hash, encode(hash, 'hex') as hash
  from audit.log where (chain, seq) > ($1::text, $2::bigint) order by chain, seq limit ${BATCH}`;

export class AuditVisibilityError extends Error {}

export async function verifyAuditChains(query: RawQuery): Promise<ChainReport[]> {
  // The application role sees one organisation's chain only; the owner reads them all (its own policy on
  // audit.log, migration 0008), as does a superuser.
  const who = (await query(
    `select rolsuper or rolbypassrls or pg_has_role(current_user,
       (select relowner from pg_class where oid = 'audit.log'::regclass), 'USAGE') as sees_all
     from pg_roles where rolname = current_user`,
    [],
  )) as Array<{ sees_all: boolean }>;
  if (!who[0]?.sees_all)
    throw new AuditVisibilityError(
      'audit:verify must connect as the owner of the schema (set DATABASE_MIGRATION_URL) or as a superuser.',
    );
  const heads = new Map(
    (
      (await query(`select chain, seq, encode(hash, 'hex') as hash from audit.chain_head`, [])) as Array<{
        chain: string;
        seq: number;
        hash: string;
      }>
    ).map((h) => [h.chain, { seq: Number(h.seq), hash: h.hash }]),
  );
  const reports: ChainReport[] = [];
  let current = null as ChainVerifier | null;
  let cursor: [string, number] = ['', 0];
  for (;;) {
    const rows = (await query(SELECT_ROWS, cursor)) as AuditRowText[];
    for (const raw of rows) {
      const r = { ...raw, seq: Number(raw.seq) };
      if (current?.chain !== r.chain) {
        if (current) reports.push(current.finish(heads.get(current.chain)));
        current = new ChainVerifier(r.chain);
      }
      current.add(r);
      cursor = [r.chain, r.seq];
    }
    if (rows.length < BATCH) break;
  }
  if (current) reports.push(current.finish(heads.get(current.chain)));
  // A head without any entry left means a whole chain was deleted.
  for (const [chain, head] of heads)
    if (!reports.some((r) => r.chain === chain))
      reports.push({ chain, entries: 0, ok: false, firstBadSeq: head.seq > 0 ? 1 : null, reason: 'gap' });
  return reports.sort((a, b) => a.chain.localeCompare(b.chain));
}

/** One line per chain, then a summary; returns the process exit code (1 when any chain is broken). */
export function formatReport(reports: ChainReport[], print: (line: string) => void): number {
  for (const r of reports)
    print(
      r.ok
        ? `OK      ${r.chain}  (${r.entries} entries)`
        : `BROKEN  ${r.chain}  first bad seq ${r.firstBadSeq} (${r.reason}), ${r.entries} entries`,
    );
  const broken = reports.filter((r) => !r.ok).length;
  print(`${reports.length} chains verified, ${broken} broken`);
  return broken ? 1 : 0;
}
