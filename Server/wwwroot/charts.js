"use strict";
// Small SVG line charts: each series is a list of the last samples, scaled to the chart's own maximum.
const ChartSamples = 60;

function pushSample(list, value) {
  list.push(Number.isFinite(value) ? value : 0);
  if (list.length > ChartSamples) list.shift();
}

function drawChart(svg, series) {
  const max = Math.max(1e-9, ...series.flatMap(s => s.values));
  svg.replaceChildren(...series.map(s => {
    const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    line.setAttribute("class", s.name);
    line.setAttribute("points", s.values.map((v, i) => `${(i * 300) / (ChartSamples - 1)},${100 - (v / max) * 95}`).join(" "));
    return line;
  }));
  svg.dataset.max = String(max);
  svg.dataset.samples = String(series[0]?.values.length || 0);
}
