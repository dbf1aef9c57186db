"use strict";
// The dashboard tab: polls /metrics, /router/status, /v1/models and /dashboard/requests every two seconds.
const PollMs = 2000;
const Routes = ["local", "cloud", "cache"];
const Strategies = ["local_only", "cloud_only", "hybrid", "local_fallback"];
const history = { tokens: [], local: [], cloud: [], cache: [], ttft: [], latency: [] };
let previous = null;

const $ = id => document.getElementById(id);
const generation = labels => labels.route !== "none";
const format = (value, digits = 1) => (value === null || !Number.isFinite(value) ? "-" : value.toFixed(digits));

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
}

function row(values) {
  const tr = document.createElement("tr");
  tr.append(...values.map(cell));
  return tr;
}

function readScrape(samples) {
  return {
    at: performance.now(),
    tokens: sum(samples, "localopenai_completion_tokens_total"),
    requests: byLabel(samples, "localopenai_requests_total", "route"),
    ttft: buckets(samples, "localopenai_time_to_first_token_seconds"),
    latency: buckets(samples, "localopenai_request_duration_seconds", generation),
    hits: sum(samples, "localopenai_cache_requests_total", l => l.result === "hit"),
    lookups: sum(samples, "localopenai_cache_requests_total", l => l.result === "hit" || l.result === "miss"),
    saved: sum(samples, "localopenai_cost_saved_usd_total"),
  };
}

function showMetrics(now) {
  const seconds = previous ? (now.at - previous.at) / 1000 : 0;
  const rate = (a, b) => (previous && seconds > 0 ? Math.max(0, a - b) / seconds : 0);
  const tokensRate = rate(now.tokens, previous?.tokens ?? 0);
  const routeRates = Object.fromEntries(Routes.map(r => [r, rate(now.requests[r] || 0, previous?.requests[r] || 0)]));
  const ttft = [percentile(now.ttft, previous?.ttft, 0.5), percentile(now.ttft, previous?.ttft, 0.95)];
  const latency = [percentile(now.latency, previous?.latency, 0.5), percentile(now.latency, previous?.latency, 0.95)];

  $("tokens-rate").textContent = format(tokensRate);
  $("requests-rate").textContent = format(Routes.reduce((total, r) => total + routeRates[r], 0), 2);
  $("cache-hit-rate").textContent = now.lookups ? format((100 * now.hits) / now.lookups, 0) + " %" : "-";
  $("cost-saved").textContent = "$" + now.saved.toFixed(4);
  $("ttft").textContent = ttft.map(v => format(v, 2)).join(" / ") + " s";
  $("latency").textContent = latency.map(v => format(v, 2)).join(" / ") + " s";

  if (previous) {
    pushSample(history.tokens, tokensRate);
    Routes.forEach(r => pushSample(history[r], routeRates[r]));
    pushSample(history.ttft, ttft[1] ?? 0);
    pushSample(history.latency, latency[1] ?? 0);
  }

  drawChart($("chart-tokens"), [{ name: "tokens", values: history.tokens }]);
  drawChart($("chart-requests"), Routes.map(r => ({ name: r, values: history[r] })));
  drawChart($("chart-latency"), [{ name: "ttft", values: history.ttft }, { name: "latency", values: history.latency }]);
  previous = now;
}

function showModels(models, samples) {
  const gauge = (name, model) => sum(samples, name, l => l.model === model);
  $("models").tBodies[0].replaceChildren(...models.data.filter(m => m.state).map(m => row([
    m.id, m.state,
    format(gauge("localopenai_queue_depth", m.id), 0),
    format(gauge("localopenai_slots_busy", m.id), 0),
    format(100 * gauge("localopenai_kv_cache_usage_ratio", m.id), 0) + " %",
  ])));
}

function showRequests(requests) {
  $("recent").tBodies[0].replaceChildren(...requests.map(r => row([
    new Date(r.at).toLocaleTimeString(), r.endpoint, String(r.status), r.route, r.reason, r.cache, r.model,
    r.tokens === null ? "-" : String(r.tokens), r.milliseconds.toFixed(0),
  ])));
}

function showStrategy(status) {
  const select = $("strategy");
  if (select.options.length === 0) select.append(...Strategies.map(s => new Option(s, s)));
  if (document.activeElement !== select) select.value = status.strategy;
}

async function poll() {
  try {
    const [text, status, models, requests] = await Promise.all([
      api("/metrics").then(r => r.text()), apiJson("/router/status"), apiJson("/v1/models"), apiJson("/dashboard/requests"),
    ]);
    const samples = parseMetrics(text);
    showMetrics(readScrape(samples));
    showModels(models, samples);
    showRequests(requests);
    showStrategy(status);
    $("status-line").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (error) {
    $("status-line").textContent = "cannot reach the server: " + error.message;
  }
}

$("strategy").addEventListener("change", async event => {
  const response = await api("/admin/router/strategy", { method: "PUT", body: JSON.stringify({ strategy: event.target.value }) }, $("admin-key").value || keyInput.value);
  $("strategy-note").textContent = response.ok ? "switched" : (await response.json()).error?.message || "refused (" + response.status + ")";
  await poll();
});

for (const tab of document.querySelectorAll(".tab")) {
  tab.addEventListener("click", () => {
    document.querySelectorAll(".tab").forEach(t => t.classList.toggle("active", t === tab));
    document.querySelectorAll(".panel").forEach(p => p.classList.toggle("hidden", p.id !== tab.dataset.tab));
  });
}

poll();
setInterval(poll, PollMs);
