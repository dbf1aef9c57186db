"use strict";
// Calls the server with the key from the header field (kept in localStorage), if one is given.
const keyInput = document.getElementById("api-key");
keyInput.value = localStorage.getItem("localopenai.key") || "";
keyInput.addEventListener("change", () => localStorage.setItem("localopenai.key", keyInput.value));

function api(path, options = {}, key = keyInput.value) {
  const headers = { ...(options.headers || {}) };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (key) headers["Authorization"] = "Bearer " + key;
  return fetch(path, { ...options, headers });
}

async function apiJson(path, options) {
  const response = await api(path, options);
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.json();
}
