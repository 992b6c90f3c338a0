// The entry grid. Each indicator row is one form (its inputs point to it with form="…"), and
// the row saves on its own when one of its inputs changes, that is when the person leaves
// the field. The server answers JSON: the saved value with its new version, or the errors
// (shown inline), or a conflict with the value someone else saved (nothing is overwritten).
// On a desktop, Enter and the arrow keys move between cells, as in a spreadsheet.
(function () {
  "use strict";

  var grid = document.getElementById("grid");
  if (!grid) { return; }

  function messageBox(form) {
    return grid.querySelector("tr[data-code='" + form.dataset.code + "'] .cell-message");
  }

  function show(form, text, ok) {
    var box = messageBox(form);
    box.textContent = text;
    box.className = "cell-message small " + (ok ? "ok" : "error");
  }

  function fill(form, data) {
    form.elements.namedItem("version").value = data.version;
    ["value", "numerator", "denominator", "percent_of_plan", "qualifier"].forEach(function (name) {
      var input = form.elements.namedItem(name);
      if (input && data[name] !== undefined) { input.value = data[name]; }
    });
  }

  function messages(errors) {
    var list = [];
    Object.keys(errors || {}).forEach(function (key) { list = list.concat(errors[key]); });
    return list.join(" ");
  }

  // One request per row at a time: a change made while the row is saving (the value, then
  // the estimate box at once) is sent after the answer, with the version it brought back.
  function save(form) {
    if (form.dataset.saving) { form.dataset.again = "1"; return; }
    form.dataset.saving = "1";
    var row = grid.querySelector("tr[data-code='" + form.dataset.code + "']");
    row.classList.add("saving");
    function done() {
      row.classList.remove("saving");
      delete form.dataset.saving;
      if (form.dataset.again) { delete form.dataset.again; save(form); }
    }
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      if (data.ok) {
        fill(form, data);
        show(form, data.message + (data.display ? " " + data.display : ""), true);
      } else if (data.conflict) {
        fill(form, data.current);
        show(form, messages(data.errors), false);
      } else {
        show(form, messages(data.errors) || data.detail || "Không lưu được.", false);
      }
      done();
    }).catch(function () {
      show(form, "Không kết nối được máy chủ; số liệu chưa được lưu.", false);
      done();
    });
  }

  // Moving between cells: a row's controls carry their column (data-col) and how many
  // columns they cover (data-span), so up and down land on the control under the same header.
  function controls(row) {
    return Array.prototype.filter.call(row.querySelectorAll("[data-col]"), function (el) {
      return !el.disabled;
    });
  }

  function covers(el, col) {
    var start = Number(el.dataset.col);
    return col >= start && col < start + Number(el.dataset.span || 1);
  }

  function vertical(el, step) {
    var rows = Array.prototype.slice.call(grid.querySelectorAll("tr.grid-row"));
    var col = Number(el.dataset.col);
    for (var i = rows.indexOf(el.closest("tr")) + step; i >= 0 && i < rows.length; i += step) {
      var found = controls(rows[i]).filter(function (c) { return covers(c, col); })[0];
      if (found) { return found; }
    }
    return null;
  }

  function horizontal(el, step) {
    var all = Array.prototype.slice.call(grid.querySelectorAll("tr.grid-row [data-col]"))
      .filter(function (c) { return !c.disabled; });
    return all[all.indexOf(el) + step] || null;
  }

  function atEdge(el, step) {
    if (el.tagName !== "INPUT" || el.type === "checkbox") { return true; }
    var caret = step < 0 ? 0 : el.value.length;
    return el.selectionStart === caret && el.selectionEnd === caret;
  }

  function target(event) {
    var el = event.target;
    if (event.key === "Enter") { return vertical(el, event.shiftKey ? -1 : 1); }
    if (event.key === "ArrowDown") { return vertical(el, 1); }
    if (event.key === "ArrowUp") { return vertical(el, -1); }
    if (event.key === "ArrowRight" && atEdge(el, 1)) { return horizontal(el, 1); }
    if (event.key === "ArrowLeft" && atEdge(el, -1)) { return horizontal(el, -1); }
    return undefined;
  }

  grid.addEventListener("keydown", function (event) {
    if (!event.target.dataset || event.target.dataset.col === undefined) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var next = target(event);
    if (next === undefined) { return; }
    event.preventDefault();  // Enter would submit the row's form; arrows would scroll
    if (next) {
      next.focus();
      if (next.select && next.type !== "checkbox") { next.select(); }
    } else if (event.key === "Enter") {
      event.target.blur();  // the last row: Enter still saves what was typed
      event.target.focus();
    }
  });

  grid.addEventListener("change", function (event) {
    if (event.target.form) { save(event.target.form); }
  });
  grid.querySelectorAll("form.cell").forEach(function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); save(form); });
  });
})();
