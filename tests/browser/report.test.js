// Browser test of the HTML report: writes the bundled example's report, opens it in Debian's
// chromium through playwright-core and checks the map, the timeline, a citation click, keyboard
// access, the page with JavaScript off, the console and the network. Saves screenshots.
// Usage: node report.test.js <sitrep_report_write> <example dir> <output dir>
// Exit 0 pass, 1 fail, 77 skip (no /usr/bin/chromium or no playwright-core); installs nothing.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';
const [writer, example, outDir] = process.argv.slice(2);

function skip(why) {
  console.log('SKIP: ' + why);
  process.exit(77);
}

if (!writer || !example || !outDir) {
  console.error('usage: node report.test.js <sitrep_report_write> <example dir> <output dir>');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) skip(CHROMIUM + ' is missing (apt-get install chromium)');
let chromium;
try {
  ({ chromium } = require(path.join(__dirname, '..', '..', 'node_modules', 'playwright-core')));
} catch (e) {
  skip('node_modules/playwright-core is missing (npm ci at the repository root)');
}

const failures = [];
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures.push(what);
}

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const htmlPath = path.resolve(outDir, 'beirut-2020.html');
  const spansPath = path.resolve(outDir, 'beirut-2020.cited.json');
  execFileSync(writer, [example, '-o', htmlPath, '--spans', spansPath], { stdio: 'inherit' });
  const cited = JSON.parse(fs.readFileSync(spansPath, 'utf8'));
  if (!fs.readFileSync(htmlPath, 'utf8').includes('id="sitrep-data"')) {
    skip('sitrep was built without node_modules: the report has no map or timeline to test');
  }
  const pageUrl = 'file://' + htmlPath;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const consoleErrors = [];
    const outside = [];
    // Every request but the page itself is a failure; it is aborted so nothing leaves.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pageUrl || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('requestfailed', (r) => { if (r.url() !== pageUrl) outside.push(r.url()); });
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForTimeout(500);

    const data = JSON.parse(await page.locator('#sitrep-data').textContent());
    check(data.places.length > 0, 'the example has geocoded places (' + data.places.length + ')');
    const markers = await page.locator('#map path.place-marker').count();
    check(markers === data.places.length,
          'one map marker per geocoded place (' + markers + ' of ' + data.places.length + ')');
    const outlines = await page.locator('#map path:not(.place-marker)').count();
    check(outlines > 100, 'offline basemap drawn (' + outlines + ' country outlines)');
    const items = await page.locator('#timeline-vis .vis-item.vis-box, #timeline-vis .vis-item.vis-point').count();
    check(data.timeline.length > 0 && items === data.timeline.length,
          'timeline items present (' + items + ' of ' + data.timeline.length + ')');

    // Citation click: the first chip of the summary lands on the span the engine cited.
    const chip = page.locator('#summary a.chip').first();
    const id = (await chip.getAttribute('href')).slice(1);
    const expected = cited.find((c) => c.id === id);
    check(expected !== undefined, 'first chip points at a cited span (' + id + ')');
    await chip.click();
    await page.waitForTimeout(300);
    const target = page.locator('[id="' + id + '"]');
    check(await target.evaluate((el) => el.classList.contains('active-cite')),
          'clicked span is highlighted');
    check(await target.isVisible() && await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }), 'clicked span is scrolled into view');
    if (expected) {
      check((await target.textContent()) === expected.text,
            'highlighted text is exactly the cited bytes');
    }
    check(await page.evaluate(() => document.activeElement && document.activeElement.id) === id,
          'focus moved to the cited span');

    // A timeline item click shows its sentences and sources.
    await page.locator('#timeline-vis .vis-item-content').first().click();
    await page.waitForTimeout(200);
    check((await page.locator('#timeline-detail a.chip').count()) > 0,
          'timeline click shows the entry with its sources');

    // A marker click opens its popup with name and sources.
    await page.locator('#map path.place-marker').first().click({ force: true });
    await page.waitForTimeout(300);
    const popup = await page.locator('.leaflet-popup-content').textContent().catch(() => '');
    console.log('popup: ' + popup);
    check(data.places.some((p) => popup.includes(p.name)) && popup.includes('Sources'),
          'marker popup shows the place and its sources');

    // Markers of places on one spot are drawn apart, not on top of each other.
    const centres = await page.locator('#map path.place-marker').evaluateAll((els) =>
      els.map((el) => { const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }));
    const spots = data.places.map((p) => p.lat.toFixed(3) + ',' + p.lon.toFixed(3));
    let stacked = 0;
    for (let i = 0; i < centres.length; ++i) {
      for (let j = i + 1; j < centres.length; ++j) {
        if (Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]) < 2) ++stacked;
      }
    }
    check(stacked === 0, 'no two markers drawn on one spot (' + (new Set(spots)).size + ' spots for ' +
          spots.length + ' places; ' + stacked + ' stacked pairs)');

    // Keyboard: markers and timeline items are tab stops; Enter opens a popup / shows an entry.
    await page.keyboard.press('Escape');
    const marker = page.locator('#map path.place-marker').nth(data.places.length > 1 ? 1 : 0);
    check((await marker.getAttribute('tabindex')) === '0' && !!(await marker.getAttribute('aria-label')),
          'map markers are named tab stops');
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const keyPopup = await page.locator('.leaflet-popup-content').textContent().catch(() => '');
    const label = await marker.getAttribute('aria-label');
    check(data.places.some((p) => label.startsWith(p.name) && keyPopup.includes(p.name)),
          'Enter on a focused marker opens its popup');
    const item = page.locator('#timeline-vis .vis-item[tabindex="0"]').last();
    check((await page.locator('#timeline-vis .vis-item[tabindex="0"]').count()) === data.timeline.length,
          'every timeline item is a tab stop');
    await page.evaluate(() => { document.getElementById('timeline-detail').textContent = ''; });
    await item.focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    const itemLabel = await item.getAttribute('aria-label');
    const shown = await page.locator('#timeline-detail').textContent();
    check((await page.locator('#timeline-detail a.chip').count()) > 0 && itemLabel &&
          data.timeline.some((t) => itemLabel.includes(t.label) && shown.includes(t.label.slice(0, 20))),
          'Enter on a focused timeline item shows its entry');

    // Keyboard: the first Tab reaches the skip link; landmarks and headings are there.
    await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement.blur(); });
    await page.goto(pageUrl);
    await page.keyboard.press('Tab');
    check(await page.evaluate(() => document.activeElement.classList.contains('skip')),
          'first Tab focuses the skip link');
    for (const sel of ['header', 'nav', 'main', 'footer', 'h1', 'main h2']) {
      check((await page.locator(sel).count()) > 0, 'landmark/heading ' + sel);
    }

    // Contrast (WCAG AA, 4.5:1) of every text element of the document outside the map/chart.
    const lowContrast = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el) => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const bad = [];
      document.querySelectorAll('body *').forEach((el) => {
        if (el.closest('#map, #timeline-vis, script, style, template')) return;
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!own || !el.getClientRects().length) return;
        const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) bad.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2));
      });
      return bad;
    });
    check(lowContrast.length === 0, 'text contrast at least 4.5:1' +
          (lowContrast.length ? ': ' + lowContrast.slice(0, 5).join(', ') : ''));

    await page.screenshot({ path: path.join(outDir, 'report-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outDir, 'report-phone.png'), fullPage: true });
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 1, 'no sideways scrolling at phone width (' + overflow + ' px)');
    check(await page.evaluate(() => Array.from(document.styleSheets).some((s) => {
      try { return Array.from(s.cssRules).some((r) => r.media && r.media.mediaText === 'print'); }
      catch (e) { return false; }
    })), 'print stylesheet present');

    // JavaScript off: still a document with the summary, tables, sources and working anchors.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    await plain.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pageUrl) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const noJs = await plain.newPage();
    await noJs.goto(pageUrl + '#' + id);
    check(await noJs.locator('#summary li').count() > 0, 'JS off: summary shown');
    check(await noJs.locator('#places table').isVisible(), 'JS off: places table shown');
    check(!(await noJs.locator('#map').isVisible()), 'JS off: empty map box hidden');
    check(await noJs.locator('[id="' + id + '"]').evaluate(
      (el) => getComputedStyle(el).backgroundColor !== getComputedStyle(el.parentElement)
        .backgroundColor), 'JS off: cited span highlighted through :target');
    await plain.close();

    check(consoleErrors.length === 0, 'no console errors' +
          (consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''));
    check(outside.length === 0, 'no network request' + (outside.length ? ': ' + outside.join(' ') : ''));
    console.log('screenshots: ' + path.join(outDir, 'report-desktop.png') + ', ' +
                path.join(outDir, 'report-phone.png'));
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(failures.length + ' check(s) failed');
    process.exit(1);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
