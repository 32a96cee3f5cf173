import { describe, expect, it } from 'vitest';
import {
  EMPTY_QUERY,
  activeFilterCount,
  fromPageParams,
  searchPath,
  toApiParams,
  toPageParams,
  withoutFilters,
  type SearchQuery,
} from './searchQuery';

const full: SearchQuery = {
  q: 'Durand',
  specialty: 'general_medicine',
  near: 'c:69123',
  radius: 10,
  video: true,
  date: '2026-11-24',
  language: 'en',
  tiersPayant: true,
  sectors: ['1', '2_optam'],
  sort: 'distance',
  page: 3,
};

describe('search query ⇄ page address', () => {
  it('round-trips every field', () => {
    expect(fromPageParams(toPageParams(full))).toEqual(full);
    expect(fromPageParams(new URLSearchParams(toPageParams(full).toString()))).toEqual(full);
  });
  it('writes nothing for the defaults', () => {
    expect(toPageParams(EMPTY_QUERY).toString()).toBe('');
    expect(searchPath('/recherche', {})).toBe('/recherche');
    expect(searchPath('/recherche', { specialty: 'pediatrics', near: '75011' })).toBe(
      '/recherche?specialite=pediatrics&lieu=75011',
    );
  });
  it('uses French parameter names', () => {
    expect(toPageParams(full).toString()).toBe(
      'specialite=general_medicine&nom=Durand&lieu=c%3A69123&rayon=10&video=1&date=2026-11-24&langue=en&tiers_payant=1&secteur=1%2C2_optam&tri=distance&page=3',
    );
  });
  it('drops what depends on a place when there is none', () => {
    const q = { ...full, near: '' };
    const back = fromPageParams(toPageParams(q));
    expect(back.sort).toBe('soonest');
    expect(back.radius).toBeNull();
  });
  it('ignores malformed values', () => {
    const q = fromPageParams({
      page: '-2',
      rayon: '900',
      date: '2026-02-30',
      secteur: '3,1',
      lieu: 'Lyon',
      specialite: '<b>',
      tri: 'price',
      langue: 'english',
    });
    expect(q).toEqual({ ...EMPTY_QUERY, sectors: ['1'] });
  });
  it('accepts postcodes, commune codes (Corsica too) and coordinates', () => {
    for (const near of ['69003', 'c:2A004', 'c:97411', '45.758,4.835', '-21.11,55.53'])
      expect(fromPageParams({ lieu: near }).near).toBe(near);
  });
});

describe('search query → API', () => {
  it('maps to the parameters of GET /practitioners', () => {
    expect(Object.fromEntries(toApiParams(full))).toEqual({
      q: 'Durand',
      specialty: 'general_medicine',
      near: 'c:69123',
      radius_km: '10',
      video: 'true',
      date: '2026-11-24',
      language: 'en',
      tiers_payant: 'true',
      sector: '1,2_optam',
      sort: 'distance',
      page: '3',
      per_page: '10',
    });
  });
  it('sorts by soonest without a place', () => {
    expect(toApiParams({ ...EMPTY_QUERY, sort: 'distance' }).get('sort')).toBe('soonest');
    expect(toApiParams(EMPTY_QUERY).toString()).toBe('sort=soonest&page=1&per_page=10');
  });
  it('counts and clears filters', () => {
    expect(activeFilterCount(full)).toBe(6);
    const bare = withoutFilters(full);
    expect(activeFilterCount(bare)).toBe(0);
    expect(bare.specialty).toBe('general_medicine');
    expect(bare.near).toBe('c:69123');
    expect(bare.page).toBe(1);
  });
});
