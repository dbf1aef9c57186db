// The official `@anthropic-ai/sdk` npm package, unmodified, against LocalOpenAi's /v1/messages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import Anthropic from "@anthropic-ai/sdk";
import { zodOutputFormat } from "@anthropic-ai/sdk/helpers/zod";
import { betaZodOutputFormat } from "@anthropic-ai/sdk/helpers/beta/zod";
import { z } from "zod";
import { startServer } from "./server.js";

let server;
let client;

before(async () => {
  server = await startServer();
  client = new Anthropic({ baseURL: server.origin, apiKey: "not-needed", maxRetries: 0 });
});

after(() => server?.stop());

test("creates a message with text content, a stop reason and usage", async () => {
  const message = await client.messages.create({
    model: "tiny",
    max_tokens: 12,
    temperature: 0,
    system: "You are terse.",
    messages: [{ role: "user", content: "Say hello" }],
  });

  assert.equal(message.type, "message");
  assert.equal(message.role, "assistant");
  assert.equal(message.model, "tiny");
  assert.match(message.id, /^msg_/);
  assert.equal(message.content[0].type, "text");
  assert.ok(message.content[0].text.length > 0);
  assert.ok(["end_turn", "max_tokens"].includes(message.stop_reason));
  assert.ok(message.usage.input_tokens > 5);
  assert.ok(message.usage.output_tokens >= 1 && message.usage.output_tokens <= 12);
});

test("streams a message: the events assemble into the same final message", async () => {
  const stream = client.messages.stream({
    model: "tiny",
    max_tokens: 16,
    temperature: 0,
    messages: [{ role: "user", content: "Stream a few words" }],
  });
  const kinds = [];
  let text = "";
  stream.on("streamEvent", (event) => kinds.push(event.type));
  stream.on("text", (delta) => (text += delta));
  const final = await stream.finalMessage();

  assert.equal(kinds[0], "message_start");
  assert.ok(kinds.includes("content_block_delta"));
  assert.equal(kinds.at(-1), "message_stop");
  assert.equal(final.content[0].text, text);
  assert.ok(text.length > 0);
  assert.ok(final.usage.output_tokens >= 1 && final.usage.output_tokens <= 16);
});

test("a forced tool is answered with a tool_use block whose input fits the schema, then a tool_result continues the turn", async () => {
  const tools = [{
    name: "get_weather",
    description: "Weather for a city",
    input_schema: { type: "object", properties: { city: { type: "string", maxLength: 12 } }, required: ["city"] },
  }];
  const first = await client.messages.create({
    model: "tiny",
    max_tokens: 64,
    temperature: 0,
    tools,
    tool_choice: { type: "tool", name: "get_weather" },
    messages: [{ role: "user", content: "Weather in Paris?" }],
  });

  const call = first.content.find((block) => block.type === "tool_use");
  assert.ok(call, JSON.stringify(first.content));
  assert.equal(first.stop_reason, "tool_use");
  assert.equal(call.name, "get_weather");
  assert.equal(typeof call.input.city, "string");
  assert.ok(typeof call.id === "string" && call.id.length > 0);

  const second = await client.messages.create({
    model: "tiny",
    max_tokens: 8,
    temperature: 0,
    tools,
    messages: [
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: first.content },
      { role: "user", content: [{ type: "tool_result", tool_use_id: call.id, content: "18 C and sunny" }] },
    ],
  });
  assert.equal(second.type, "message");
  // input_tokens counts what was computed; the prefix reused from the first turn is cache_read_input_tokens.
  const prompt = (usage) => usage.input_tokens + (usage.cache_read_input_tokens ?? 0);
  assert.ok(prompt(second.usage) > prompt(first.usage));
});

test("streams a forced tool call as input_json_delta events", async () => {
  const stream = client.messages.stream({
    model: "tiny",
    max_tokens: 64,
    temperature: 0,
    tools: [{ name: "lookup", input_schema: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } }],
    tool_choice: { type: "any" },
    messages: [{ role: "user", content: "Look up order 7" }],
  });
  const kinds = [];
  stream.on("streamEvent", (event) => kinds.push(event.type === "content_block_delta" ? event.delta.type : event.type));
  const final = await stream.finalMessage();

  assert.ok(kinds.includes("input_json_delta"), kinds.join(","));
  assert.equal(final.stop_reason, "tool_use");
  assert.equal(Number.isInteger(final.content.at(-1).input.id), true);
});

test("counts tokens and answers errors in Anthropic's envelope", async () => {
  const counted = await client.messages.countTokens({ model: "tiny", messages: [{ role: "user", content: "Count me" }] });
  assert.ok(counted.input_tokens > 3);

  await assert.rejects(
    client.messages.create({ model: "tiny", messages: [{ role: "user", content: "no max_tokens" }] }),
    (error) => error instanceof Anthropic.BadRequestError && error.error?.type === "error" && error.error?.error?.type === "invalid_request_error",
  );
  await assert.rejects(
    client.messages.create({ model: "no-such-model", max_tokens: 4, messages: [{ role: "user", content: "hi" }] }),
    (error) => error instanceof Anthropic.NotFoundError && error.error?.error?.type === "not_found_error",
  );
});

test("accepts extended thinking as llama-server does and answers in text blocks", async () => {
  const message = await client.messages.create({
    model: "tiny",
    max_tokens: 1030,
    temperature: 1,
    thinking: { type: "enabled", budget_tokens: 1024 },
    stop_sequences: ["."],
    messages: [{ role: "user", content: "Think, then say hello" }],
  });

  assert.ok(message.content.length > 0);
  assert.ok(message.content.every((block) => block.type === "text"));

  await assert.rejects(
    client.messages.create({ model: "tiny", max_tokens: 100, thinking: { type: "enabled", budget_tokens: 1024 }, messages: [{ role: "user", content: "x" }] }),
    (error) => error.status === 400 && /max_tokens/.test(error.message),
  );
});

test("parses structured output from a zod schema, through output_config and the beta's output_format", async () => {
  // Only what the SDK sends as constraints: it moves bounds into the description and checks them itself.
  const Order = z.object({ quantity: z.number().int(), rush: z.boolean(), size: z.enum(["s", "m", "l"]), extras: z.array(z.enum(["ice", "lemon"])) });
  const request = { model: "tiny", max_tokens: 80, temperature: 1, messages: [{ role: "user", content: "An order, as JSON" }] };

  const ga = await client.messages.parse({ ...request, output_config: { format: zodOutputFormat(Order) } });
  const beta = await client.beta.messages.parse({ ...request, output_format: betaZodOutputFormat(Order) });

  for (const parsed of [ga.parsed_output, beta.parsed_output]) {
    assert.deepEqual(Order.parse(parsed), parsed);
  }
});
