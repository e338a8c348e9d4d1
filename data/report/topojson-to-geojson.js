// Build step: converts world-atlas's TopoJSON country outlines (Natural Earth 1:110m, public
// domain) into the GeoJSON FeatureCollection the report's map draws as its offline basemap.
// Usage: node topojson-to-geojson.js <node_modules> <out.geojson>
'use strict';
const fs = require('fs');
const path = require('path');

const modules = path.resolve(process.argv[2]);
const out = process.argv[3];
const topojson = require(path.join(modules, 'topojson-client'));
const topology = JSON.parse(
  fs.readFileSync(path.join(modules, 'world-atlas', 'countries-110m.json'), 'utf8'));
const countries = topojson.feature(topology, topology.objects.countries);
// Two decimals (about 1 km) is finer than the 1:110m outlines themselves; keeps the page small.
const round = (c) => (typeof c[0] === 'number'
  ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
for (const f of countries.features) {
  f.geometry.coordinates = round(f.geometry.coordinates);
  f.properties = { name: f.properties.name };
}
fs.writeFileSync(out, JSON.stringify(countries));
