import { describe, expect, it } from 'vitest';
import { canEdit, organisationsInvolved, sheetProblems, takeUpProblems, versionMark } from './rules';
import type { PracticeInput, TakeUpInput } from './schemas';
import { practiceWorkflow } from './workflow';

const version = {
  title: 'Titre',
  context: null,
  description: 'Texte',
  objectives: null,
  targetPublic: null,
  partners: null,
  resources: null,
  results: null,
  difficulties: null,
  contact: null,
};
const input = (over: Partial<PracticeInput>): PracticeInput => ({
  originalLanguage: 'fr',
  fr: version,
  nl: null,
  themes: ['youth'],
  tags: [],
  partnerOrgIds: [],
  programmeId: null,
  contactEmail: null,
  contactPublic: false,
  ...over,
});
const takeUp = (over: Partial<TakeUpInput>): TakeUpInput => ({
  status: 'adopted',
  startsOn: '2026-03-01',
  endsOn: null,
  evidence: 'Note',
  ...over,
});

describe('practice sheet rules', () => {
  it('marks each version as the original, its translation, or missing', () => {
    expect(versionMark('fr', 'fr', true)).toBe('original');
    expect(versionMark('nl', 'fr', true)).toBe('translation');
    expect(versionMark('nl', 'fr', false)).toBe('missing');
    expect(versionMark('fr', 'nl', true)).toBe('translation');
  });

  it('requires the original version, not the translation', () => {
    expect(sheetProblems(input({}))).toEqual([]);
    expect(sheetProblems(input({ originalLanguage: 'nl' }))).toEqual([
      { path: 'nl', code: 'practices.sheets.errors.original_missing' },
    ]);
    expect(sheetProblems(input({ originalLanguage: 'nl', fr: null, nl: version }))).toEqual([]);
  });

  it('lets writers edit drafts, and only publishers edit published sheets; nobody a withdrawn one', () => {
    expect(canEdit('draft', ['referent'])).toBe(true);
    expect(canEdit('network', ['referent'])).toBe(false);
    expect(canEdit('public', ['coordinator'])).toBe(true);
    expect(canEdit('withdrawn', ['coordinator'])).toBe(false);
    expect(canEdit('draft', ['analyst'])).toBe(false);
  });

  it('counts the owner and its partner organisations once each', () => {
    expect(organisationsInvolved('A', [])).toBe(1);
    expect(organisationsInvolved('a', ['A', 'b', 'B'])).toBe(2);
  });
});

describe('take-up rules', () => {
  const today = '2026-06-15';
  it('accepts past steps and future plans', () => {
    expect(takeUpProblems(takeUp({}), today)).toEqual([]);
    expect(takeUpProblems(takeUp({ status: 'planned', startsOn: '2027-01-01' }), today)).toEqual([]);
  });
  it('refuses an end before the start, an abandonment without end, and steps in the future', () => {
    const codes = (t: TakeUpInput) =>
      takeUpProblems(t, today).map((p) => `${p.path}:${p.code.split('.').pop()}`);
    expect(codes(takeUp({ endsOn: '2026-02-01' }))).toEqual(['endsOn:ends_before_start']);
    expect(codes(takeUp({ status: 'abandoned' }))).toEqual(['endsOn:end_required']);
    expect(codes(takeUp({ status: 'trying', startsOn: '2026-07-01' }))).toEqual(['startsOn:start_in_future']);
    expect(codes(takeUp({ status: 'abandoned', endsOn: '2026-07-01' }))).toEqual(['endsOn:end_in_future']);
  });
});

describe('practice workflow', () => {
  it('lets publishers publish, open to the public and withdraw; writers only reopen a withdrawn sheet', () => {
    const actions = (
      status: Parameters<typeof practiceWorkflow.available>[0],
      role: 'referent' | 'coordinator',
    ) => practiceWorkflow.available(status, 'owner', [role]).map((a) => a.action);
    expect(actions('draft', 'referent')).toEqual([]);
    expect(actions('draft', 'coordinator')).toEqual(['publish', 'publish_public']);
    expect(actions('network', 'coordinator')).toEqual(['open_public', 'withdraw']);
    expect(actions('public', 'coordinator')).toEqual(['close_public', 'withdraw']);
    expect(actions('withdrawn', 'referent')).toEqual(['reopen']);
  });
  it('lists exactly the moves the database guard of migration 0028 allows', () => {
    const moves = practiceWorkflow
      .moves('owner')
      .map((m) => `${m.from}>${m.to}`)
      .sort();
    expect(moves).toEqual(
      [
        'draft>network',
        'draft>public',
        'network>public',
        'public>network',
        'network>withdrawn',
        'public>withdrawn',
        'withdrawn>draft',
      ].sort(),
    );
  });
});
