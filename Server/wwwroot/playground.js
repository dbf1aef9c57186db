"use strict";
// The playground tab: a chat with any alias, streamed, showing the route and cache headers and the exact prompt.
const chat = { messages: [] };

async function loadAliases() {
  try {
    const models = await apiJson("/v1/models");
    const select = document.getElementById("play-model");
    select.replaceChildren(...models.data.map(m => new Option(m.id, m.id)));
  } catch (error) {
    document.getElementById("play-reason").textContent = error.message;
  }
}

function appendTurn(role, text) {
  const turn = document.createElement("div");
  turn.className = role;
  turn.textContent = (role === "user" ? "you: " : "") + text;
  document.getElementById("play-transcript").append(turn);
  return turn;
}

function showHeaders(response) {
  const pairs = { "play-route": "X-Route", "play-reason": "X-Route-Reason", "play-cache": "X-Cache", "play-served-by": "X-Model", "play-request-id": "X-Request-Id" };
  for (const [id, header] of Object.entries(pairs)) document.getElementById(id).textContent = response.headers.get(header) || "-";
}

async function showPrompt(model) {
  const response = await api("/apply-template", { method: "POST", body: JSON.stringify({ model, messages: chat.messages }) });
  document.getElementById("play-prompt").textContent = response.ok ? (await response.json()).prompt : "(no local template for " + model + ")";
}

// Reads "data: {...}" lines from the SSE body and hands each chunk's text to onText.
async function readStream(body, onText) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop();
    for (const line of lines) {
      if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
      const text = JSON.parse(line.slice(6)).choices?.[0]?.delta?.content;
      if (text) onText(text);
    }
  }
}

async function send() {
  const button = document.getElementById("play-send");
  button.disabled = true;
  try {
    await converse();
  } finally {
    button.disabled = false;
  }
}

async function converse() {
  const input = document.getElementById("play-input");
  const model = document.getElementById("play-model").value;
  if (!input.value.trim()) return;
  chat.messages.push({ role: "user", content: input.value });
  appendTurn("user", input.value);
  input.value = "";
  await showPrompt(model);

  const turn = appendTurn("assistant", "");
  const body = { model, messages: chat.messages, stream: true, max_tokens: Number(document.getElementById("play-max-tokens").value) || 64 };
  const response = await api("/v1/chat/completions", { method: "POST", body: JSON.stringify(body) });
  showHeaders(response);
  if (!response.ok) {
    turn.textContent = (await response.json()).error?.message || "error " + response.status;
    chat.messages.pop();
    return;
  }

  let answer = "";
  let chunks = 0;
  await readStream(response.body, text => {
    answer += text;
    turn.textContent = answer;
    turn.dataset.chunks = String(++chunks);
  });
  chat.messages.push({ role: "assistant", content: answer });
}

document.getElementById("play-send").addEventListener("click", send);
document.getElementById("play-reset").addEventListener("click", () => {
  chat.messages = [];
  document.getElementById("play-transcript").replaceChildren();
  document.getElementById("play-prompt").textContent = "";
});
loadAliases();
