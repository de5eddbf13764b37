// Progressive help for long forms: a box that narrows the list of places as one types.
// Without JavaScript the whole list shows and works the same.
(function () {
  var input = document.getElementById("place-filter");
  if (!input) return;
  var items = document.querySelectorAll(".place-list label");
  var none = document.createElement("p");
  none.className = "hint";
  none.setAttribute("role", "status");
  input.parentNode.insertBefore(none, input.nextSibling);
  document.querySelectorAll(".place-filter").forEach(function (e) { e.hidden = false; });
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (l) {
      var match = !q || l.textContent.toLowerCase().indexOf(q) >= 0 || l.querySelector("input").checked;
      l.hidden = !match;
      if (match) shown++;
    });
    none.textContent = shown === 0 ? input.getAttribute("data-none") : "";
  });
})();
