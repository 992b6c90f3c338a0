// The entry grid: each row saves on its own when one of its inputs changes. The server
// answers JSON: the saved value with its new version, or the errors (shown inline), or a
// conflict with the value someone else saved (nothing is overwritten).
(function () {
  "use strict";

  function show(form, text, ok) {
    var box = form.querySelector(".cell-message");
    box.textContent = text;
    box.className = "cell-message small w-100 " + (ok ? "ok" : "error");
  }

  function fill(form, data) {
    form.querySelector("input[name=version]").value = data.version;
    ["value", "numerator", "denominator", "percent_of_plan"].forEach(function (name) {
      var input = form.querySelector("input[name=" + name + "]");
      if (input && data[name] !== undefined) { input.value = data[name]; }
    });
    var qualifier = form.querySelector("select[name=qualifier]");
    if (qualifier && data.qualifier !== undefined) { qualifier.value = data.qualifier; }
  }

  function messages(errors) {
    var list = [];
    Object.keys(errors || {}).forEach(function (key) { list = list.concat(errors[key]); });
    return list.join(" ");
  }

  function save(form) {
    form.classList.add("saving");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).then(function (answer) {
      var data = answer.data;
      form.classList.remove("saving");
      if (data.ok) {
        fill(form, data);
        show(form, data.message + (data.display ? " " + data.display : ""), true);
      } else if (data.conflict) {
        fill(form, data.current);
        show(form, messages(data.errors), false);
      } else {
        show(form, messages(data.errors) || data.detail || "Không lưu được.", false);
      }
    }).catch(function () {
      form.classList.remove("saving");
      show(form, "Không kết nối được máy chủ; số liệu chưa được lưu.", false);
    });
  }

  document.querySelectorAll("form.cell").forEach(function (form) {
    form.addEventListener("change", function () { save(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); save(form); });
  });
})();
