// Reads the golden files with the official JavaScript clients; run by hand after regenerating them:
//   npm install openai@6.49.0 @openai/agents@0.20.0 @ai-sdk/openai@3.0.141
//   NODE_PATH=$PWD/node_modules node check-with-openai-sdks.cjs
// Prints the request bodies the Agents SDK and the Vercel AI SDK send, which *.request.json keep.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { OpenAI } = require('openai');
const { accumulateResponse } = require('openai/lib/responses/ResponseAccumulator');
const { OpenAIResponsesModel } = require('@openai/agents-openai');
const { setTracingDisabled, withTrace } = require('@openai/agents-core');
const { createOpenAI } = require('@ai-sdk/openai');

const read = (name) => fs.readFileSync(path.join(__dirname, name), 'utf8');
const events = (sse) => sse.trim().split('\n\n').map((block) => JSON.parse(block.split('\n')[1].slice('data: '.length)));
const parts = (response) => response.output.filter((item) => item.type === 'message').flatMap((item) => item.content);
const outputText = (response) => parts(response).map((part) => part.text ?? '').join('');
// The Vercel AI SDK streams a refusal as text.
const vercelText = (response) => parts(response).map((part) => part.text ?? part.refusal).join('');

function client(body, contentType, requests) {
  return new OpenAI({
    apiKey: 'test',
    baseURL: 'http://localhost/v1',
    fetch: async (_url, init) => {
      requests.push(JSON.parse(init.body));
      return new Response(body, { status: 200, headers: { 'content-type': contentType } });
    },
  });
}

const agentRequest = (input) => ({
  systemInstructions: 'Be brief.',
  input,
  modelSettings: {},
  tools: [{ type: 'function', name: 'weather', description: 'Current weather', strict: true,
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } }],
  outputType: 'text',
  handoffs: [],
  tracing: false,
});

const vercelModel = (body, contentType, requests) =>
  createOpenAI({ apiKey: 'test', baseURL: 'http://localhost/v1', fetch: client(body, contentType, requests).fetch }).responses('llama');
const vercelPrompt = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] }];
const vercelTools = [{ type: 'function', name: 'weather', description: 'Current weather',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } }];

async function checkStream(name) {
  const sse = read(name);
  const all = events(sse);
  const terminal = all.at(-1).response;
  assert.deepEqual(all.map((event) => event.sequence_number), all.map((_, i) => i));

  let snapshot;
  for (const event of all.slice(0, -1)) snapshot = accumulateResponse(event, snapshot);
  assert.deepEqual(snapshot.output, terminal.output, `${name}: the deltas rebuild the final output`);

  const requests = [];
  const final = await client(sse, 'text/event-stream', requests).responses.stream({ model: 'llama', input: 'x' }).finalResponse();
  assert.equal(final.output_text, outputText(terminal));

  const model = new OpenAIResponsesModel(client(sse, 'text/event-stream', requests), 'llama');
  const streamed = [];
  try {
    for await (const event of model.getStreamedResponse(agentRequest('Weather in Paris?'))) streamed.push(event);
    const done = streamed.find((event) => event.type === 'response_done');
    assert.equal(done.response.usage.inputTokensDetails.cached_tokens, terminal.usage.input_tokens_details.cached_tokens);
    assert.equal(done.response.output.length, terminal.output.length);
  } catch (error) {
    assert.equal(terminal.status, 'incomplete', `${name}: ${error}`);
  }
  const vercel = vercelModel(sse, 'text/event-stream', requests);
  const { stream } = await vercel.doStream({ prompt: vercelPrompt, tools: vercelTools });
  const parts = [];
  for await (const part of stream) parts.push(part);
  assert.equal(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta).join(''), vercelText(terminal));
  assert.equal(parts.filter((part) => part.type === 'tool-call').length, terminal.output.filter((item) => item.type === 'function_call').length);
  assert.equal(parts.find((part) => part.type === 'finish').usage.inputTokens.cacheRead, terminal.usage.input_tokens_details.cached_tokens);
  assert.equal(parts.filter((part) => part.type === 'error').length, 0);
  console.log(`${name}: ok (${final.output.map((item) => item.type).join(', ')}, status ${terminal.status})`);
}

async function checkResponse(name) {
  const json = read(name);
  const requests = [];
  const model = new OpenAIResponsesModel(client(json, 'application/json', requests), 'llama');
  const first = await model.getResponse(agentRequest('Weather in Paris?'));
  const call = first.output.find((item) => item.type === 'function_call');
  assert.equal(call.callId, 'call_1');
  await model.getResponse(agentRequest([
    { role: 'user', content: 'Weather in Paris?' },
    ...first.output,
    { type: 'function_call_result', name: call.name, callId: call.callId, status: 'completed', output: { type: 'text', text: '18C' } },
  ]));
  const vercel = await vercelModel(json, 'application/json', requests).doGenerate({ prompt: vercelPrompt, tools: vercelTools });
  const vercelCall = vercel.content.find((part) => part.type === 'tool-call');
  assert.equal(vercelCall.toolCallId, 'call_1');
  await vercelModel(json, 'application/json', requests).doGenerate({
    tools: vercelTools,
    prompt: [
      ...vercelPrompt,
      { role: 'assistant', content: vercel.content.filter((part) => part.type === 'text' || part.type === 'tool-call')
        .map((part) => ({ ...part, providerOptions: part.providerMetadata })) },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: vercelCall.toolCallId, toolName: vercelCall.toolName,
        output: { type: 'text', value: '18C' } }] },
    ],
  });
  console.log(`${name}: ok; agents and vercel requests:\n${requests.map((body) => JSON.stringify(body)).join('\n')}`);
}

setTracingDisabled(true);
withTrace('golden', async () => {
  for (const name of fs.readdirSync(__dirname).filter((file) => file.endsWith('.sse')).sort()) await checkStream(name);
  for (const name of fs.readdirSync(__dirname).filter((file) => file.startsWith('completion-')).sort()) await checkResponse(name);
}).catch((error) => { console.error(error); process.exit(1); });
