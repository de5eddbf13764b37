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
