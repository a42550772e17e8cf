// Filtering by quadrant (click a cell of the 2x2) and by tag, without a server.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".item"));
  var cells = Array.prototype.slice.call(document.querySelectorAll(".quad"));
  var sections = Array.prototype.slice.call(document.querySelectorAll(".digest-section"));
  var tagSelect = document.getElementById("tag-filter");
  var showAll = document.getElementById("show-all");
  var status = document.getElementById("filter-status");
  var state = { quadrant: "", tag: "" };

  function apply() {
    items.forEach(function (el) {
      var ok = (!state.quadrant || el.getAttribute("data-quadrant") === state.quadrant) &&
        (!state.tag || (" " + el.getAttribute("data-tags") + " ").indexOf(" " + state.tag + " ") >= 0);
      el.hidden = !ok;
    });
    sections.forEach(function (s) {
      var own = s.querySelectorAll(".item");
      var visible = s.querySelectorAll(".item:not([hidden])");
      s.classList.toggle("all-filtered", own.length > 0 && visible.length === 0);
    });
    cells.forEach(function (c) {
      c.setAttribute("aria-pressed", String(c.getAttribute("data-quadrant") === state.quadrant));
    });
    var filtering = state.quadrant || state.tag;
    showAll.setAttribute("aria-pressed", String(!filtering));
    var pressed = document.querySelector('.quad[aria-pressed="true"]');
    var what = [pressed && pressed.getAttribute("data-name"), state.tag && "tag " + state.tag].filter(Boolean).join(", ");
    status.textContent = filtering ? "Showing " + what + " only." : "";
  }

  cells.forEach(function (c) {
    function toggle() {
      var q = c.getAttribute("data-quadrant");
      state.quadrant = state.quadrant === q ? "" : q;
      apply();
    }
    c.addEventListener("click", toggle);
    c.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggle(); }
    });
  });
  showAll.addEventListener("click", function () {
    state.quadrant = ""; state.tag = "";
    if (tagSelect) tagSelect.value = "";
    apply();
  });
  if (tagSelect) tagSelect.addEventListener("change", function () { state.tag = tagSelect.value; apply(); });
  // Print everything, years included.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
