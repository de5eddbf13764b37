// Progressive enhancement: replaces the server-drawn SVG with an interactive Leaflet map of the
// district polygon and its offer locations. No tile server: the polygon is the map.
(function () {
  var el = document.getElementById("map");
  if (!el || !window.L || !el.dataset.geojson) return;
  fetch(el.dataset.geojson, { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      if (!data) return;
      var svg = el.innerHTML;
      el.innerHTML = "";
      var map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
      var layer = L.geoJSON(data, {
        style: function () { return { color: "#00546b", weight: 2, fillColor: "#c5dee6", fillOpacity: 0.6 }; },
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 6, color: "#fff", weight: 1, fillColor: "#a0001b", fillOpacity: 1 });
        },
        onEachFeature: function (f, l) {
          if (f.properties && f.properties.kind === "location") {
            var p = document.createElement("span");
            p.textContent = f.properties.name + (f.properties.street ? ", " + f.properties.street : "");
            l.bindPopup(p);
          }
        }
      }).addTo(map);
      try { map.fitBounds(layer.getBounds(), { padding: [10, 10] }); } catch (e) { el.innerHTML = svg; }
    })
    .catch(function () { /* keep the SVG */ });
})();

// Loads Leaflet (once) and the GeoJSON behind a "load the interactive map" button: nothing of
// it travels before the reader asks.
function leafletAndGeojson(url) {
  function load(src, tag, attr) {
    return new Promise(function (ok, fail) {
      var el = document.createElement(tag);
      el[attr] = src;
      if (tag === "link") el.rel = "stylesheet";
      el.onload = ok;
      el.onerror = fail;
      document.head.appendChild(el);
    });
  }
  return Promise.all([load("/static/leaflet/leaflet.css", "link", "href"), window.L ? null : load("/static/leaflet/leaflet.js", "script", "src")])
    .then(function () { return fetch(url, { credentials: "same-origin" }); })
    .then(function (r) { return r.json(); });
}

// The choropleth on the monitoring page: the server-drawn SVG stays until the user asks for the
// interactive map; only then are Leaflet and the district outlines loaded.
(function () {
  var button = document.getElementById("load-map");
  var wrap = document.getElementById("choropleth");
  if (!button || !wrap) return;
  var palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    leafletAndGeojson(button.dataset.geojson)
      .then(function (data) {
        var svg = wrap.querySelector("svg.choropleth");
        var div = document.createElement("div");
        div.className = "map leaflet-choropleth";
        if (svg) svg.replaceWith(div); else wrap.prepend(div);
        var map = L.map(div, { attributionControl: false, zoomSnap: 0.25 });
        var layer = L.geoJSON(data, {
          style: function (f) {
            var c = f.properties.class;
            return { color: "#fff", weight: 0.6, fillOpacity: 0.9, fillColor: c === null ? "#d9d9d9" : palette[c] };
          },
          onEachFeature: function (f, l) {
            var a = document.createElement("a");
            a.href = f.properties.href;
            a.textContent = f.properties.name + ": " + (f.properties.value === null ? button.dataset.missing : f.properties.value.toLocaleString(document.documentElement.lang));
            l.bindPopup(a);
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds());
        button.hidden = true;
      })
      .catch(function () { button.disabled = false; });
  });
})();

// The finder's results map: the server-drawn SVG with numbered points stays until the reader
// asks for the interactive map; only then are Leaflet and the points loaded (prepaid data).
(function () {
  var button = document.getElementById("load-results-map");
  var figure = document.getElementById("results-map");
  if (!button || !figure) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    leafletAndGeojson(button.dataset.geojson)
      .then(function (data) {
        var svg = figure.querySelector("svg");
        var div = document.createElement("div");
        div.className = "map leaflet-results";
        if (svg) svg.replaceWith(div); else figure.prepend(div);
        var map = L.map(div, { attributionControl: false, zoomSnap: 0.25 });
        var points = [];
        L.geoJSON(data, {
          style: function () { return { color: "#00546b", weight: 1, fillColor: "#c5dee6", fillOpacity: 0.5 }; },
          pointToLayer: function (f, latlng) {
            points.push(latlng);
            return L.circleMarker(latlng, { radius: 9, color: "#fff", weight: 1, fillColor: "#a0001b", fillOpacity: 1 })
              .bindTooltip(String(f.properties.n), { permanent: true, direction: "center", className: "map-no-tip" });
          },
          onEachFeature: function (f, l) {
            if (f.properties.kind !== "offer") return;
            var a = document.createElement("a");
            a.href = f.properties.href;
            a.textContent = f.properties.n + ". " + f.properties.name;
            l.bindPopup(a);
          }
        }).addTo(map);
        if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [20, 20], maxZoom: 16 });
        button.hidden = true;
      })
      .catch(function () { button.disabled = false; });
  });
})();
