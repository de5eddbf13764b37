// The interactive network on /network: the server's picture (an SVG that works without
// JavaScript) is replaced by a Cytoscape.js view of the same placed graph — zoom, pan, and a tap
// on an organisation, or choosing it in the list above (for keyboards), lights up its ties and
// names it below. Runs only on that page.
(function () {
  "use strict";
  var box = document.getElementById("network-graph");
  if (!box || !window.cytoscape || !window.fetch) return;
  var info = document.getElementById("network-graph-info");
  var colours = {
    health: "#b3261e", education: "#0b5394", youth_welfare: "#1e6b35", social_security: "#7a4d00",
    participation: "#6a1b9a", protection: "#00695c"
  };
  fetch(box.getAttribute("data-src"), { credentials: "same-origin" })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (d) {
      var elements = d.nodes.map(function (n, i) {
        return {
          data: { id: "n" + i, label: n.label, org: n.id, ties: n.degree, colour: colours[n.domain] || "#555555", size: 8 + Math.sqrt(n.degree) * 5 },
          position: { x: n.x * 800, y: n.y * 800 }
        };
      }).concat(d.edges.map(function (e, j) {
        return { data: { id: "e" + j, source: "n" + e[0], target: "n" + e[1], kind: e[2] } };
      }));
      box.textContent = "";
      box.classList.add("interactive");
      var cy = window.cytoscape({
        container: box,
        elements: elements,
        layout: { name: "preset" },
        style: [
          { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)" } },
          { selector: "edge", style: { width: 1, "line-color": "#9a9a9a" } },
          { selector: ".faded", style: { opacity: 0.15 } },
          { selector: "node.chosen", style: { label: "data(label)", "font-size": 14, "text-valign": "top", "border-width": 3, "border-color": "#1b1b1b" } }
        ]
      });
      function choose(n) {
        cy.elements().addClass("faded").removeClass("chosen");
        n.closedNeighborhood().removeClass("faded");
        n.addClass("chosen");
        info.textContent = "";
        var link = document.createElement("a");
        link.href = "/organisations/" + n.data("org");
        link.lang = "de";
        link.textContent = n.data("label");
        info.appendChild(link);
        info.appendChild(document.createTextNode(" · " + box.getAttribute("data-ties") + ": " + n.data("ties")));
      }
      cy.on("tap", "node", function (ev) { choose(ev.target); select.value = ev.target.id(); });
      // the same for keyboards and screen readers: a list of the tied organisations
      var field = document.createElement("p");
      var label = document.createElement("label");
      label.htmlFor = "network-choose";
      label.textContent = box.getAttribute("data-choose");
      var select = document.createElement("select");
      select.id = "network-choose";
      var none = document.createElement("option");
      none.value = "";
      none.textContent = "–";
      select.appendChild(none);
      cy.nodes().sort(function (a, b) { return a.data("label").localeCompare(b.data("label"), "de"); }).forEach(function (n) {
        var o = document.createElement("option");
        o.value = n.id();
        o.textContent = n.data("label");
        o.lang = "de";
        select.appendChild(o);
      });
      select.addEventListener("change", function () {
        if (select.value) choose(cy.getElementById(select.value));
        else { cy.elements().removeClass("faded").removeClass("chosen"); info.textContent = ""; }
      });
      field.appendChild(label);
      field.appendChild(document.createTextNode(" "));
      field.appendChild(select);
      box.parentNode.insertBefore(field, box);
      cy.on("tap", function (ev) {
        if (ev.target === cy) {
          select.value = "";
          cy.elements().removeClass("faded").removeClass("chosen");
          info.textContent = "";
        }
      });
    })
    .catch(function () { /* the server's picture stays */ });
})();
