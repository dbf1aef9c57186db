"""Regenerates the expected renderings with Jinja2 configured as Hugging Face transformers does.

Run: python3 generate.py (from this folder). Writes expected/<template>.<case>.<gp>.txt.
"""
import json, os
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.ext import loopcontrols
from jinja2.exceptions import TemplateError

def raise_exception(message):
    raise TemplateError(message)

def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
env.filters["tojson"] = tojson
env.globals["raise_exception"] = raise_exception

TEMPLATES = {
    "llama3.1": ("meta-llama-Llama-3.1-8B-Instruct.jinja", "<|begin_of_text|>", "<|eot_id|>", ["basic", "nosystem", "tools", "toolsfirstturn"]),
    "qwen2.5": ("Qwen-Qwen2.5-7B-Instruct.jinja", "", "<|im_end|>", ["basic", "nosystem", "tools", "toolsfirstturn"]),
    "chatml": ("teknium-OpenHermes-2.5-Mistral-7B.jinja", "", "<|im_end|>", ["basic", "nosystem"]),
    "phi3": ("microsoft-Phi-3.5-mini-instruct.jinja", "<s>", "<|endoftext|>", ["basic", "nosystem"]),
    "mistral": ("mistralai-Mistral-7B-Instruct-v0.3.jinja", "<s>", "</s>", ["basic", "nosystem", "tools", "toolsfirstturn"]),
    "gemma": ("google-gemma-2-2b-it.jinja", "<bos>", "<eos>", ["nosystem"]),
    "zephyr": ("TinyLlama-1.1B-Chat-v1.0.jinja", "<s>", "</s>", ["basic", "nosystem"]),
}

def hf_messages(messages):
    out = []
    for m in messages:
        m = dict(m)
        if m.get("tool_calls"):
            m["tool_calls"] = [dict(c, function=dict(c["function"], arguments=json.loads(c["function"]["arguments"]))) for c in m["tool_calls"]]
        else:
            m.pop("tool_calls", None)
        out.append(m)
    return out

cases = json.load(open("conversations.json"))
os.makedirs("expected", exist_ok=True)
for name, (file, bos, eos, case_names) in TEMPLATES.items():
    template = env.from_string(open(file).read())
    for case in case_names:
        for gp in (True, False):
            kwargs = dict(messages=hf_messages(cases[case]["messages"]), bos_token=bos, eos_token=eos, add_generation_prompt=gp)
            if "tools" in cases[case]:
                kwargs["tools"] = cases[case]["tools"]
            text = template.render(**kwargs)
            with open(f"expected/{name}.{case}.{'gp' if gp else 'nogp'}.txt", "w", newline="") as f:
                f.write(text)
