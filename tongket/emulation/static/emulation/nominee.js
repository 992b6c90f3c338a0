// The nominee form shows only the fields of the kind of nominee chosen: a person for an
// individual, a unit for a collective, the head and the tổ dân phố for a household.
// Without the script every field stays visible; the service checks what applies.
(function () {
  "use strict";
  var kind = document.querySelector("select[name=recipient]");
  if (!kind) { return; }
  var fields = document.querySelectorAll("[data-nominee]");
  function update() {
    fields.forEach(function (field) {
      var box = field.closest(".mb-3") || field;
      var shown = field.getAttribute("data-nominee") === kind.value;
      box.hidden = !shown;
      field.disabled = !shown;
    });
  }
  kind.addEventListener("change", update);
  update();
})();
