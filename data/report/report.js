// sitrep report page script. The page is complete without it (chips are links to <mark> anchors,
// timeline and places are lists); this adds: highlight of the cited span on a chip click, the
// vis-timeline chart and the Leaflet map. All text comes from the page's own (escaped) HTML or is
// set with textContent; nothing is fetched.
(function () {
  'use strict';

  // Marker radius in pixels: area grows with mentions, bounded so one place cannot cover the map.
  function markerRadius(mentions) {
    return Math.min(30, 5 + 4 * Math.sqrt(Math.max(1, mentions)));
  }

  // Timeline item class from the support count (1, 2, 3, 4+ sources).
  function supportClass(support) {
    return 'support-' + Math.max(1, Math.min(4, support | 0));
  }

  // Pixel offsets that set apart markers drawn on the same spot ("Beirut" and "Port of Beirut"
  // may geocode to one point): the n markers of a spot go round a circle of `radius` pixels,
  // a lone marker stays where it is. `keys` are the spots (one per marker, equal = same spot).
  function spreadOffsets(keys, radius) {
    var groups = {};
    keys.forEach(function (k, i) { (groups[k] = groups[k] || []).push(i); });
    var out = keys.map(function () { return [0, 0]; });
    Object.keys(groups).forEach(function (k) {
      var g = groups[k];
      if (g.length < 2) return;
      g.forEach(function (i, j) {
        var a = 2 * Math.PI * j / g.length - Math.PI / 2;
        out[i] = [Math.round(radius * Math.cos(a)), Math.round(radius * Math.sin(a))];
      });
    });
    return out;
  }

  if (typeof module !== 'undefined' && module.exports) {  // node unit test
    module.exports = { markerRadius: markerRadius, supportClass: supportClass,
                       spreadOffsets: spreadOffsets };
    return;
  }

  // Enter or Space on a focused element acts as a click (for elements that are not buttons).
  function onActivate(el, act) {
    el.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      ev.preventDefault();
      act();
    });
  }

  document.documentElement.classList.replace('no-js', 'js');

  // Citation chips: scroll to the span, open what hides it, highlight it and move focus there.
  function showCited(id) {
    var target = document.getElementById(id);
    if (!target) return false;
    document.querySelectorAll('.active-cite').forEach(function (el) {
      el.classList.remove('active-cite');
    });
    for (var p = target.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS') p.open = true;
    }
    target.classList.add('active-cite');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    return true;
  }
  document.addEventListener('click', function (ev) {
    var chip = ev.target.closest && ev.target.closest('a.chip');
    if (!chip) return;
    var id = chip.getAttribute('href').slice(1);
    if (showCited(id)) {
      ev.preventDefault();
      history.replaceState(null, '', '#' + id);
    }
  });
  if (location.hash.length > 1) showCited(decodeURIComponent(location.hash.slice(1)));
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });

  var island = document.getElementById('sitrep-data');
  if (!island) return;
  var data = JSON.parse(island.textContent);

  var timelineBox = document.getElementById('timeline-vis');
  if (timelineBox && window.vis && data.timeline.length) {
    var items = data.timeline.map(function (t) {
      var content = document.createElement('span');
      content.textContent = t.start + ' \u2014 ' + t.label;
      content.dataset.entry = t.id;
      return {
        id: t.id, start: t.start, content: content, title: t.support + ' source(s)',
        className: supportClass(t.support) + (t.background ? ' background' : '')
      };
    });
    var timeline = new vis.Timeline(timelineBox, new vis.DataSet(items), {
      stack: true, zoomable: true, margin: { item: 6 }, maxHeight: 420,
      tooltip: { followMouse: false }
    });
    var detail = document.getElementById('timeline-detail');
    var showEntry = function (id) {
      detail.textContent = '';
      var entry = data.timeline[id];
      var li = entry && document.getElementById(entry.detail);
      if (!li) return;
      var copy = li.cloneNode(true);
      copy.removeAttribute('id');
      var wrap = document.createElement('div');
      wrap.append.apply(wrap, Array.prototype.slice.call(copy.childNodes));
      detail.appendChild(wrap);
    };
    timeline.on('select', function (props) {
      if (props.items.length) showEntry(props.items[0]);
      else detail.textContent = '';
    });
    // Keyboard: every drawn item is a tab stop; Enter or Space selects it and shows its entry.
    // vis-timeline redraws items as the view moves, so new ones are made reachable on 'changed'.
    var reachable = function () {
      timelineBox.querySelectorAll('.vis-item').forEach(function (el) {
        if (el.hasAttribute('tabindex')) return;
        var content = el.querySelector('[data-entry]');
        if (!content) return;
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', content.textContent);
        onActivate(el, function () {
          var id = Number(content.dataset.entry);
          timeline.setSelection([id]);
          showEntry(id);
        });
      });
    };
    timeline.on('changed', reachable);
    reachable();
  }

  var mapBox = document.getElementById('map');
  var countries = document.getElementById('sitrep-countries');
  if (mapBox && window.L && data.places.length) {
    var map = L.map(mapBox, { worldCopyJump: true, attributionControl: false, keyboard: true });
    // The view first: vector layers need a pixel origin before they are drawn.
    var bounds = data.places.map(function (p) { return [p.lat, p.lon]; });
    if (bounds.length === 1) map.setView(bounds[0], 6);
    else map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });
    if (countries) {
      L.geoJSON(JSON.parse(countries.textContent), {
        interactive: false,
        style: { color: '#6b7280', weight: 0.6, fillColor: '#e5e7eb', fillOpacity: 1 }
      }).addTo(map);
    }
    var spots = data.places.map(function (p) { return p.lat.toFixed(3) + ',' + p.lon.toFixed(3); });
    var offsets = spreadOffsets(spots, 14);
    var markers = data.places.map(function (p, i) {
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: markerRadius(p.mentions), color: '#9a3412', weight: 2,
        fillColor: '#ea580c', fillOpacity: 0.6, className: 'place-marker'
      }).addTo(map);
      var tpl = document.getElementById('popup-' + p.id);
      if (tpl) marker.bindPopup(tpl.content.firstElementChild.cloneNode(true));
      marker.bindTooltip(p.name);
      // Keyboard: the marker is a tab stop named after its place; Enter or Space opens its popup.
      var el = marker.getElement();
      if (el) {
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', p.name + ', ' + p.mentions + ' mention(s)');
        onActivate(el, function () { marker.openPopup(); });
        el.addEventListener('focus', function () { marker.openTooltip(); });
        el.addEventListener('blur', function () { marker.closeTooltip(); });
      }
      return marker;
    });
    // Markers on one spot are set apart by a fixed number of pixels at every zoom.
    var place = function () {
      markers.forEach(function (marker, i) {
        if (!offsets[i][0] && !offsets[i][1]) return;
        var p = data.places[i];
        var at = map.latLngToLayerPoint([p.lat, p.lon]).add(L.point(offsets[i]));
        marker.setLatLng(map.layerPointToLatLng(at));
      });
    };
    map.on('zoomend viewreset', place);
    place();
  }
})();
