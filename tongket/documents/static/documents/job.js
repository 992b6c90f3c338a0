// Polls a background job's progress and reloads the page when it is finished.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "1") return;
  var url = box.dataset.progressUrl;
  var fmt = new Intl.NumberFormat("vi-VN");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        document.getElementById("job-bar").value = job.percent;
        document.getElementById("job-bar").textContent = job.percent + "%";
        document.getElementById("job-state").textContent = job.state_label;
        document.getElementById("job-count").textContent = fmt.format(job.done) + "/" + fmt.format(job.total);
        if (job.finished) { window.location.reload(); } else { window.setTimeout(poll, 800); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 300);
})();
