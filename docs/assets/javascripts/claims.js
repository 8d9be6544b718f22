/* Who says what: filter the entries in place by theme and by speaker.

   Progressive only. The page is complete without this script: every entry is listed,
   and the same views are arranged by theme and by speaker on pages of their own
   (claims/by-theme/, claims/by-speaker/), linked from the top of the page. The script
   reveals the filter form the page carries (hidden without script), hides the entries
   that do not match (and the positions and questions left empty), says how many are
   shown, and keeps the choice in the address (?theme=…&speaker=…) so it can be shared.
   The words it shows come from the page (data-showing), in the page's language. */
(function () {
  "use strict";
  var form = document.querySelector("form.rr-claims-filter");
  if (!form || !form.elements.theme || !form.elements.speaker) return;
  var status = form.querySelector(".rr-claims-filter__status");
  var views = Array.prototype.slice.call(document.querySelectorAll("li.rr-view[data-theme]"));
  var positions = document.querySelectorAll(".rr-position");
  var questions = document.querySelectorAll("section.rr-question[data-question]");
  var total = views.length;

  function choose(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.value = value; return; }
    }
    select.value = "";
  }

  function apply(remember) {
    var theme = form.elements.theme.value;
    var speaker = form.elements.speaker.value;
    var filtering = Boolean(theme || speaker);
    var shown = 0;
    views.forEach(function (li) {
      var match = (!theme || li.getAttribute("data-theme") === theme) &&
                  (!speaker || li.getAttribute("data-speaker") === speaker);
      li.hidden = !match;
      if (match) shown++;
    });
    Array.prototype.forEach.call(positions, function (p) {
      p.hidden = filtering && !p.querySelector("li.rr-view:not([hidden])");
    });
    Array.prototype.forEach.call(questions, function (q) {
      q.hidden = filtering && !q.querySelector("li.rr-view:not([hidden])");
      var heading = document.getElementById("q-" + q.getAttribute("data-question"));
      if (heading && heading !== q) heading.hidden = q.hidden;
    });
    if (status) {
      status.textContent = filtering ? (form.getAttribute("data-showing") || "")
        .replace("{n}", String(shown)).replace("{total}", String(total)) : "";
    }
    if (remember && window.history && window.history.replaceState) {
      var params = new URLSearchParams(window.location.search);
      [["theme", theme], ["speaker", speaker]].forEach(function (kv) {
        if (kv[1]) params.set(kv[0], kv[1]); else params.delete(kv[0]);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname +
        (query ? "?" + query : "") + window.location.hash);
    }
  }

  var start = new URLSearchParams(window.location.search);
  choose(form.elements.theme, start.get("theme") || "");
  choose(form.elements.speaker, start.get("speaker") || "");
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { apply(true); }, 0);
  });
  form.hidden = false;
  apply(false);
})();
