// The official `openai` npm package, unmodified, pointed at LocalOpenAi.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import OpenAI from "openai";
import { startServer } from "./server.js";

let server;
let client;

before(async () => {
  server = await startServer();
  client = new OpenAI({ baseURL: server.baseURL, apiKey: "not-needed" });
});

after(() => server?.stop());

test("streams a chat completion token by token, with usage at the end", async () => {
  const stream = await client.chat.completions.create({
    model: "tiny",
    messages: [{ role: "user", content: "Say something" }],
    max_tokens: 12,
    temperature: 0,
    stream: true,
    stream_options: { include_usage: true },
  });

  let text = "";
  let chunks = 0;
  let finish = null;
  let usage = null;
  for await (const chunk of stream) {
    chunks++;
    assert.equal(chunk.object, "chat.completion.chunk");
    text += chunk.choices[0]?.delta?.content ?? "";
    finish ??= chunk.choices[0]?.finish_reason ?? null;
    usage = chunk.usage ?? usage;
  }

  assert.ok(chunks > 3, `expected several chunks, got ${chunks}`);
  assert.ok(text.length > 0);
  assert.ok(finish === "length" || finish === "stop");
  assert.ok(usage.completion_tokens >= 1 && usage.completion_tokens <= 12);
  assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
});

test("streams a legacy completion", async () => {
  const stream = await client.completions.create({
    model: "tiny",
    prompt: "Once upon a time",
    max_tokens: 8,
    temperature: 0,
    stream: true,
  });

  let text = "";
  let finish = null;
  for await (const chunk of stream) {
    assert.equal(chunk.object, "text_completion");
    text += chunk.choices[0]?.text ?? "";
    finish ??= chunk.choices[0]?.finish_reason ?? null;
  }

  assert.ok(text.length > 0);
  assert.ok(finish === "length" || finish === "stop");
});

test("an unknown model is a typed 404 error", async () => {
  await assert.rejects(
    client.chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "hi" }] }),
    (error) => error instanceof OpenAI.NotFoundError && error.status === 404,
  );
});
