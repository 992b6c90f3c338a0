// Charts for the targets dashboards; data comes from json_script blocks (no inline script).
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var vn = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function percentBars(canvasId, source) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || !source || !source.labels.length) { return; }
    // One readable row per indicator: the box grows with the number of bars.
    canvas.parentNode.style.height = Math.max(240, source.labels.length * 24 + 60) + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: source.labels,
        datasets: [{
          label: source.percentLabel,
          data: source.percents,
          backgroundColor: source.percents.map(function (p) { return p >= 100 ? "#198754" : "#dc3545"; })
        }]
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return vn.format(c.parsed.x) + "%"; } } }
        },
        scales: {
          x: { ticks: { callback: function (v) { return vn.format(v) + "%"; } } },
          y: { ticks: { autoSkip: false } }
        }
      }
    });
  }

  var unit = data("chart-data");
  if (unit) {
    percentBars("chart-percent", unit);
    var select = document.getElementById("trend-indicator");
    var canvas = document.getElementById("chart-trend");
    var trend = null;
    var draw = function () {
      var series = unit.trend[select.value];
      if (trend) { trend.destroy(); }
      if (!series) { return; }
      trend = new Chart(canvas, {
        type: "line",
        data: {
          labels: series.years,
          datasets: [
            { label: unit.resultLabel, data: series.results, borderColor: "#0d6efd", spanGaps: true },
            { label: unit.planLabel, data: series.plans, borderColor: "#6c757d", borderDash: [6, 4], spanGaps: true }
          ]
        },
        options: {
          maintainAspectRatio: false,
          scales: { y: { ticks: { callback: function (v) { return vn.format(v); } } } },
          plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + vn.format(c.parsed.y); } } } }
        }
      });
    };
    if (select && canvas) { select.addEventListener("change", draw); draw(); }
  }
  percentBars("chart-ranking", data("ranking-data"));
})();
