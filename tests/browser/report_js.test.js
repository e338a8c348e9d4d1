// Unit test of the report page script's pure helpers (data/report/report.js), run by node.
// Usage: node report_js.test.js <path to report.js>
'use strict';
const assert = require('assert');
const path = require('path');

const { markerRadius, supportClass, spreadOffsets } = require(path.resolve(process.argv[2]));

// Radius grows with mentions, never below 5 px or above 30 px.
assert.strictEqual(markerRadius(1), 9);
assert.strictEqual(markerRadius(4), 13);
assert.ok(markerRadius(9) > markerRadius(4));
assert.strictEqual(markerRadius(0), markerRadius(1));
assert.strictEqual(markerRadius(10000), 30);

// Support counts fall into four classes; nonsense falls into the lowest.
assert.strictEqual(supportClass(1), 'support-1');
assert.strictEqual(supportClass(3), 'support-3');
assert.strictEqual(supportClass(12), 'support-4');
assert.strictEqual(supportClass(0), 'support-1');
assert.strictEqual(supportClass('x'), 'support-1');
// Markers on one spot go round a circle; lone markers stay put.
const offsets = spreadOffsets(['a', 'b', 'a', 'a'], 10);
assert.deepStrictEqual(offsets[1], [0, 0]);
const ring = [offsets[0], offsets[2], offsets[3]];
ring.forEach((o) => assert.ok(Math.abs(Math.hypot(o[0], o[1]) - 10) <= 1, 'on the circle: ' + o));
assert.strictEqual(new Set(ring.map(String)).size, 3, 'three distinct positions');
assert.deepStrictEqual(spreadOffsets(['x', 'y'], 10), [[0, 0], [0, 0]]);
assert.deepStrictEqual(spreadOffsets([], 10), []);

console.log('report.js helpers: ok');
