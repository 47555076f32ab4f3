import { describe, expect, it } from 'vitest';
import { checkOrganisation, type OrganisationValues } from './organisation-rules';

const base: OrganisationValues = {
  kind: 'cpas',
  country: 'BE',
  region: 'BE-WAL',
  nameFr: 'CPAS de Mouscron',
  nameNl: 'OCMW Moeskroen',
  municipalityCode: 'BE-57081',
  businessId: null,
  email: null,
  phone: null,
  website: null,
  status: 'active',
  closedOn: null,
};
const codes = (v: Partial<OrganisationValues>) =>
  checkOrganisation({ ...base, ...v }).errors.map((e) => `${e.path}:${e.code}`);

describe('checkOrganisation', () => {
  it('accepts a consistent record', () => {
    expect(codes({})).toEqual([]);
  });

  it('refuses a region of the other country and a kind of the other country', () => {
    expect(codes({ region: 'FR-HDF' })).toEqual(['region:network.organisations.errors.region_country']);
    expect(codes({ kind: 'ccas' })).toEqual(['kind:network.organisations.errors.kind_country']);
    expect(codes({ country: 'FR', region: 'FR-HDF', municipalityCode: 'FR-59350' })).toEqual([
      'kind:network.organisations.errors.kind_country',
    ]);
  });

  it('refuses a municipality of the other country', () => {
    expect(codes({ municipalityCode: 'FR-59350' })).toEqual([
      'municipalityCode:network.organisations.errors.municipality_country',
    ]);
  });

  it('checks the business identifier of the country and normalises it', () => {
    const ok = checkOrganisation({ ...base, businessId: 'BE 0207.419.256' });
    expect(ok.errors).toEqual([]);
    expect(ok.normalised).toMatchObject({ businessIdType: 'kbo', businessId: '0207.419.256' });
    expect(codes({ businessId: '0207.419.257' })).toEqual(['businessId:validation.kbo']);
    const fr = { kind: 'ccas', country: 'FR', region: 'FR-HDF', municipalityCode: 'FR-59350' } as const;
    expect(codes({ ...fr, businessId: '732 829 320 00074' })).toEqual([]);
    expect(codes({ ...fr, businessId: '73282932000075' })).toEqual(['businessId:validation.siret']);
    // A Belgian number on a French organisation is checked as a SIRET.
    expect(codes({ ...fr, businessId: '0207.419.256' })).toEqual(['businessId:validation.siret']);
  });

  it('checks e-mail, phone and website, and normalises the phone', () => {
    expect(codes({ email: 'not-an-email' })).toEqual(['email:validation.format']);
    expect(codes({ phone: '12' })).toEqual(['phone:validation.phone']);
    expect(codes({ website: 'ftp://example.org' })).toEqual(['website:validation.format']);
    const ok = checkOrganisation({ ...base, phone: '056 12 34 56', website: 'https://example.org' });
    expect(ok.errors).toEqual([]);
    expect(ok.normalised.phone).toBe('+3256123456');
  });

  it('refuses blank names and a closed organisation without a closing date', () => {
    expect(codes({ nameFr: '   ' })).toEqual(['nameFr:validation.min_length']);
    expect(codes({ status: 'closed' })).toEqual(['closedOn:network.organisations.errors.closed_on_required']);
    expect(checkOrganisation({ ...base, status: 'closed', closedOn: '2026-01-31' }).normalised.closedOn).toBe(
      '2026-01-31',
    );
  });
});
