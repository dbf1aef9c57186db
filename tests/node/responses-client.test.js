// The official `openai` npm package's Responses API and `@openai/agents`' default model, unmodified, against LocalOpenAi.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import OpenAI from "openai";
import { Agent, run, setDefaultOpenAIClient, setOpenAIAPI, setTracingDisabled, tool } from "@openai/agents";
import { z } from "zod";
import { startServer } from "./server.js";

let server;
let client;

before(async () => {
  server = await startServer();
  client = new OpenAI({ baseURL: server.baseURL, apiKey: "not-needed", maxRetries: 0 });
  setDefaultOpenAIClient(client);
  setOpenAIAPI("responses");
  setTracingDisabled(true);
});

after(() => server?.stop());

test("creates a response with output text, usage, and stores it for retrieval and input_items", async () => {
  const response = await client.responses.create({
    model: "tiny",
    instructions: "You are terse.",
    input: "Say hello",
    max_output_tokens: 12,
    temperature: 0,
    metadata: { ticket: "42" },
  });

  assert.equal(response.object, "response");
  assert.match(response.id, /^resp_/);
  assert.ok(["completed", "incomplete"].includes(response.status));
  assert.ok(response.output_text.length > 0);
  assert.equal(response.metadata.ticket, "42");
  assert.ok(response.usage.input_tokens > 5);
  assert.ok(response.usage.output_tokens >= 1 && response.usage.output_tokens <= 12);
  assert.equal(response.usage.total_tokens, response.usage.input_tokens + response.usage.output_tokens);

  const again = await client.responses.retrieve(response.id);
  assert.equal(again.id, response.id);
  assert.equal(again.output_text, response.output_text);
  const items = await client.responses.inputItems.list(response.id);
  assert.equal(items.data[0].type, "message");

  const deleted = await client.responses.delete(response.id);
  assert.equal(deleted?.deleted ?? true, true);
  await assert.rejects(client.responses.retrieve(response.id), (error) => error.status === 404);
});

test("streams a response: deltas assemble into the completed response", async () => {
  const stream = client.responses.stream({ model: "tiny", input: "Stream a few words", max_output_tokens: 16, temperature: 0 });
  const kinds = [];
  let text = "";
  for await (const event of stream) {
    kinds.push(event.type);
    if (event.type === "response.output_text.delta") text += event.delta;
  }
  const final = await stream.finalResponse();

  assert.equal(kinds[0], "response.created");
  assert.ok(kinds.includes("response.output_item.added"));
  assert.ok(["response.completed", "response.incomplete"].includes(kinds.at(-1)));
  assert.equal(final.output_text, text);
  assert.ok(final.usage.output_tokens >= 1);
});

test("a five-turn conversation through previous_response_id computes only each turn's new tokens", async () => {
  let previous;
  const turns = [];
  for (let turn = 0; turn < 5; turn++) {
    const response = await client.responses.create({
      model: "tiny",
      input: `Turn ${turn}: tell me one more thing about the harbour.`,
      previous_response_id: previous,
      max_output_tokens: 8,
      temperature: 0,
    });
    turns.push(response.usage);
    previous = response.id;
  }

  for (let turn = 1; turn < 5; turn++) {
    const usage = turns[turn];
    const computed = usage.input_tokens - usage.input_tokens_details.cached_tokens;
    // New this turn: the previous answer (at most 8 tokens, re-read as a message) and the new user message.
    const added = usage.input_tokens - turns[turn - 1].input_tokens;
    assert.ok(added > 0, `turn ${turn} carries the conversation`);
    assert.ok(computed <= added + 4, `turn ${turn} computed ${computed} of ${usage.input_tokens} prompt tokens; ${added} are new`);
  }
});

test("a function tool round trip: function_call, then function_call_output", async () => {
  const tools = [{
    type: "function",
    name: "get_weather",
    description: "Weather for a city",
    parameters: { type: "object", properties: { city: { type: "string", maxLength: 12 } }, required: ["city"], additionalProperties: false },
    strict: true,
  }];
  const first = await client.responses.create({
    model: "tiny", input: "Weather in Paris?", tools, tool_choice: { type: "function", name: "get_weather" }, max_output_tokens: 64, temperature: 0,
  });
  const call = first.output.find((item) => item.type === "function_call");
  assert.ok(call, JSON.stringify(first.output));
  assert.equal(call.name, "get_weather");
  assert.equal(typeof JSON.parse(call.arguments).city, "string");

  const second = await client.responses.create({
    model: "tiny",
    previous_response_id: first.id,
    input: [{ type: "function_call_output", call_id: call.call_id, output: "18 C and sunny" }],
    tools,
    max_output_tokens: 8,
    temperature: 0,
  });
  assert.equal(second.object, "response");
  assert.ok(second.usage.input_tokens > first.usage.input_tokens);
});

test("fields this server does not serve are 400s naming the field", async () => {
  await assert.rejects(
    client.responses.create({ model: "tiny", input: "hi", tools: [{ type: "web_search" }] }),
    (error) => error.status === 400 && error.param === "tools[0].type",
  );
  await assert.rejects(
    client.responses.create({ model: "tiny", input: "hi", background: true }),
    (error) => error.status === 400 && error.param === "background",
  );
  await assert.rejects(
    client.responses.create({ model: "tiny", input: "hi", previous_response_id: "resp_missing" }),
    (error) => error.status === 404,
  );
});

test("the Agents SDK's default model runs an agent with a tool against the server", async () => {
  let called = 0;
  const weather = tool({
    name: "get_weather",
    description: "Weather for a city",
    parameters: z.object({ city: z.string().max(12) }),
    execute: async ({ city }) => { called++; return `18 C in ${city}`; },
  });
  const agent = new Agent({
    name: "Assistant",
    instructions: "Answer briefly.",
    model: "tiny",
    tools: [weather],
    modelSettings: { toolChoice: "get_weather", temperature: 0, maxTokens: 48 },
    resetToolChoice: true,
  });

  const result = await run(agent, "What is the weather in Oslo?", { maxTurns: 3 });

  assert.equal(called, 1);
  assert.equal(typeof result.finalOutput, "string");
});
