"use strict";
// Reads the Prometheus text of /metrics into samples and turns counters and histograms into rates and percentiles.
function parseMetrics(text) {
  const samples = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = {};
    for (const pair of (match[3] || "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    samples.push({ name: match[1], labels, value: Number(match[4]) });
  }
  return samples;
}

function sum(samples, name, filter = () => true) {
  return samples.filter(s => s.name === name && filter(s.labels)).reduce((total, s) => total + s.value, 0);
}

function byLabel(samples, name, label) {
  const result = {};
  for (const s of samples.filter(s => s.name === name)) result[s.labels[label]] = (result[s.labels[label]] || 0) + s.value;
  return result;
}

// Cumulative bucket counts by upper bound, summed over every other label.
function buckets(samples, name, filter = () => true) {
  const result = new Map();
  for (const s of samples.filter(s => s.name === name + "_bucket" && filter(s.labels))) {
    const le = s.labels.le === "+Inf" ? Infinity : Number(s.labels.le);
    result.set(le, (result.get(le) || 0) + s.value);
  }
  return [...result.entries()].sort((a, b) => a[0] - b[0]);
}

// The q-quantile of the observations between two scrapes (or of all of them when there is no earlier one).
function percentile(now, before, q) {
  const counts = now.map(([le, count]) => [le, count - ((before || []).find(([b]) => b === le)?.[1] || 0)]);
  const total = counts.length ? counts[counts.length - 1][1] : 0;
  if (total <= 0) return null;
  const target = q * total;
  let previousLe = 0;
  let previousCount = 0;
  for (const [le, count] of counts) {
    if (count >= target) {
      if (!Number.isFinite(le)) return previousLe;
      return previousLe + ((le - previousLe) * (target - previousCount)) / Math.max(1e-9, count - previousCount);
    }
    previousLe = le;
    previousCount = count;
  }
  return previousLe;
}
