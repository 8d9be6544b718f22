/* The index of every fact (/facts/): sorting and filtering on top of the table the
   build writes. Progressive enhancement only: without this script the page is complete,
   every fact listed and grouped by theme, each theme anchored (#facts-<theme>).

   - The controls are in the page, hidden, in the page's language; the script shows them.
   - A column heading becomes a button: the first press sorts by that column, the next
     reverses (aria-sort says which). Sorting by theme, ascending, is the grouped order
     the page opens with; any other order lists the facts in one run, without groups.
   - Filters (words, kind, theme) hide the rows that do not match; a status line says how
     many are shown. A theme link in the list above the table brings the groups back.
   No request is made, nothing is stored. */
(function () {
  "use strict";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function fold(text) {
    return (text || "").normalize("NFKC").toLocaleLowerCase().replace(/\s+/g, " ").trim();
  }

  function init(root) {
    var table = root.querySelector("table");
    var controls = root.querySelector("[data-rr-controls]");
    var status = root.querySelector("[data-rr-status]");
    if (!table || !table.tHead || !controls || !status) return;

    var groups = Array.prototype.slice.call(table.tBodies);
    var rows = [];
    each(groups, function (tbody) {
      each(tbody.rows, function (tr) {
        if (!tr.classList.contains("rr-factindex__group")) {
          tr.setAttribute("data-rr-index", String(rows.length));
          tr.setAttribute("data-rr-text", fold(tr.cells[0].textContent + " " +
                                               tr.cells[3].textContent));
          rows.push({ tr: tr, group: tbody });
        }
      });
    });
    var flat = document.createElement("tbody");
    flat.className = "rr-factindex__flat";
    flat.hidden = true;
    table.appendChild(flat);

    var lang = document.documentElement.lang || undefined;
    var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
    var headers = table.tHead.rows[0].cells;
    var state = { column: -1, direction: 1, grouped: true };
    var query = controls.querySelector('[data-rr-filter="q"]');
    var kind = controls.querySelector('[data-rr-filter="kind"]');
    var theme = controls.querySelector('[data-rr-filter="theme"]');
    var themeColumn = 2;

    function value(row, column, type) {
      var cell = row.tr.cells[column];
      if (type === "text") return (cell.textContent || "").trim();
      return cell.getAttribute("data-sort") || "";
    }

    function compare(type, a, b) {
      if (type === "number") return Number(a) - Number(b);
      if (type === "date") return a < b ? -1 : a > b ? 1 : 0;
      return collator.compare(a, b);
    }

    // Unknown dates (sort key 9999…) come last whichever way the dates run.
    function unknownLast(type, a, b) {
      if (type !== "date") return 0;
      return (a.indexOf("9999") === 0 ? 1 : 0) - (b.indexOf("9999") === 0 ? 1 : 0);
    }

    function place() {
      if (state.grouped) {
        rows.forEach(function (row) { row.group.appendChild(row.tr); });
      } else {
        var type = headers[state.column].getAttribute("data-rr-sort");
        rows.slice().sort(function (a, b) {
          var va = value(a, state.column, type), vb = value(b, state.column, type);
          return unknownLast(type, va, vb) || compare(type, va, vb) * state.direction ||
            Number(a.tr.getAttribute("data-rr-index")) - Number(b.tr.getAttribute("data-rr-index"));
        }).forEach(function (row) { flat.appendChild(row.tr); });
      }
      flat.hidden = state.grouped;
      each(headers, function (th, i) {
        if (i === state.column) {
          th.setAttribute("aria-sort", state.direction > 0 ? "ascending" : "descending");
        } else {
          th.removeAttribute("aria-sort");
        }
      });
      filter();
    }

    function filter() {
      var words = fold(query.value);
      var shown = 0;
      rows.forEach(function (row) {
        var tr = row.tr;
        var ok = (!kind.value || tr.getAttribute("data-kind") === kind.value) &&
          (!theme.value || tr.getAttribute("data-theme") === theme.value) &&
          (!words || tr.getAttribute("data-rr-text").indexOf(words) >= 0);
        tr.hidden = !ok;
        if (ok) shown += 1;
      });
      each(groups, function (tbody) {
        tbody.hidden = !state.grouped || !Array.prototype.some.call(tbody.rows, function (tr) {
          return !tr.hidden && !tr.classList.contains("rr-factindex__group");
        });
      });
      status.textContent = shown ? root.getAttribute("data-shown")
        .replace("{shown}", String(shown)).replace("{total}", String(rows.length))
        : root.getAttribute("data-none");
    }

    function sortBy(column) {
      var direction = state.column === column ? -state.direction : 1;
      state = { column: column, direction: direction,
                grouped: column === themeColumn && direction > 0 };
      place();
    }

    each(headers, function (th, column) {
      if (!th.getAttribute("data-rr-sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "rr-factindex__sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(column); });
    });

    // A theme link in the list above the table: back to the groups, that theme shown.
    each(root.querySelectorAll(".rr-factindex__jump a"), function (link) {
      link.addEventListener("click", function () {
        if (theme.value && link.hash !== "#facts-" + theme.value) theme.value = "";
        if (!state.grouped) {
          state = { column: -1, direction: 1, grouped: true };
          place();
        } else {
          filter();
        }
      });
    });

    query.addEventListener("input", filter);
    kind.addEventListener("change", filter);
    theme.addEventListener("change", filter);
    filter();
    controls.hidden = false;
    root.classList.add("rr-factindex--sortable");
  }

  each(document.querySelectorAll("[data-rr-factindex]"), init);
})();
