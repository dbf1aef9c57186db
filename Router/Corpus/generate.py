"""Writes generated.jsonl: requests composed from domain x intent x phrasing x context x request shape.

Deterministic (fixed seeds). A second pass writes generated-agents.jsonl from agents.py (agent-shaped phrasings,
written later, over the domains plus agent_domains.py) with its own seed, so generated.jsonl stays as it was. The test split is frozen by template: every phrasing whose stable hash falls in
bucket 0 of 5, and every request from a held-out domain, is test; the rest is train. Hand-written items
(handwritten/*.jsonl) get their split once, from a stable hash of their text, the first time this runs; a
split already written is never changed. Run from this folder:
    python3 generate.py            # writes generated*.jsonl, freezes splits of new hand-written items
"""
import glob
import hashlib
import json
import random

from agent_domains import AGENT_DOMAINS
from agents import AGENT_FOREIGN, AGENT_LABELS, agent_system
from domains import DOMAINS, HELD_OUT_DOMAINS
from foreign import FOREIGN
from intents import AUDIENCES, LABELS, TONES, doc, pick
from phrasings import SYSTEM_DOC  # importing phrasings appends its phrasings to the intents

SEED = 18
COUNT = 3400
AGENT_SEED = 1818
AGENT_COUNT = 4000
AGENT_SYSTEM_SHARE = 0.35
CLASS_SHARE = [("simple", 0.42), ("moderate", 0.23), ("complex", 0.35)]
GENERIC_SYSTEMS = ["You are a helpful assistant.", "You are an AI agent. Use tools when they help. Answer concisely.",
                   "Respond in the user's language.", "You are a senior analyst. Be rigorous.", "Keep answers short."]
OPENERS = ["", "", "", "", "Hi, ", "Hey! ", "Quick one: ", "Please, ", "ok so ", "Hello. ", "URGENT: ", "fyi - ", "Question: ", "@bot "]
CLOSERS = ["", "", "", "", " Thanks!", " thx", " Thank you.", " asap pls", " 🙏", " Cheers.", "\n\nThanks in advance", " (no rush)"]
FOLLOW_UPS = {
    "simple": ["thanks!", "perfect, that's all I needed", "ok. and the {field}?", "can you put that in a table?", "what was the id again?", "great, bye", "yes", "which one was cheaper?"],
    "moderate": ["make it shorter", "now summarise that for {aud}", "rewrite it to sound {tone}", "can you explain the second point a bit more?", "turn that into an email to {person}", "give me the key takeaways"],
    "complex": ["ok now write the code for that in Python, with tests", "now turn this into a full project plan with owners, risks and milestones",
                "good. now analyse what happens if {msg_lower} and recommend what to do", "prove that your answer is optimal",
                "compare all of the options above in depth and pick one, justify with numbers", "now write the full 2000-word report"],
}


def stable_bucket(key):
    return int(hashlib.md5(key.encode()).hexdigest(), 16) % 5


def typo(rng, text):
    chars = list(text)
    for _ in range(rng.randrange(1, 4)):
        i = rng.randrange(1, max(2, len(chars) - 1))
        if chars[i].isalpha() and chars[i - 1].isalpha():
            if rng.random() < 0.5:
                chars[i - 1], chars[i] = chars[i], chars[i - 1]
            else:
                del chars[i]
    return "".join(chars)


def vary(rng, text):
    if len(text) < 400:
        text = pick(rng, OPENERS) + text + pick(rng, CLOSERS)
    if rng.random() < 0.15:
        text = typo(rng, text)
    if rng.random() < 0.12 and len(text) < 400:
        text = text.lower()
    if rng.random() < 0.2:
        text = text.rstrip("?.!")
    return text


def fill(d, rng, template):
    return template.format(field=pick(rng, d["fields"]), aud=pick(rng, AUDIENCES), tone=pick(rng, TONES),
                           person=pick(rng, d["people"]), msg_lower=pick(rng, d["msgs"]).lower().rstrip("."))


def turns(d, rng, last):
    history = []
    for _ in range(rng.randrange(1, 4)):
        history.append({"role": "user", "content": pick(rng, d["msgs"])})
        history.append({"role": "assistant", "content": " ".join(rng.sample(d["sentences"], 2))})
    return history + [{"role": "user", "content": last}]


def request(d, name, rng, label, text, group, system_doc):
    system = None
    if rng.random() < 0.45:
        system = pick(rng, d["systems"] + GENERIC_SYSTEMS)
    if system_doc:
        system = pick(rng, ["Answer from this document only.", "Context for this conversation:", "Use the following material.", system or "Reference:"]) + "\n\n" + doc(d, rng, pick(rng, [10, 40, 120, 300]))
    messages = [{"role": "system", "content": system}] if system else []
    follow = rng.random() < 0.12
    if follow:
        index = rng.randrange(len(FOLLOW_UPS[label]))
        text = vary(rng, fill(d, rng, FOLLOW_UPS[label][index]))
        group = f"follow-up/{label}/{index}"
    messages += turns(d, rng, text) if follow or rng.random() < 0.1 else [{"role": "user", "content": text}]
    item = {"messages": messages} if len(messages) > 1 or rng.random() < 0.5 else {"prompt": text}
    if rng.random() < 0.3:
        item["tools"] = [{"type": "function", "function": {"name": t}} for t in rng.sample(d["tools"], rng.randrange(1, len(d["tools"]) + 1))]
    if rng.random() < 0.15:
        item["response_format"] = {"type": pick(rng, ["json_object", "json_schema"])}
    if rng.random() < 0.25:
        item["max_tokens"] = pick(rng, [64, 256, 512, 1024, 2048, 4096])
    if rng.random() < 0.6:
        item["agent"] = pick(rng, d["agents"])
    test = name in HELD_OUT_DOMAINS or stable_bucket(group) == 0
    item.update(label=label, split="test" if test else "train", domain=name, source="generated", template=group)
    return item


def main():
    rng = random.Random(SEED)
    names = sorted(DOMAINS)
    items = []
    for _ in range(COUNT):
        name, d, label = draw(rng, names, DOMAINS)
        if rng.random() < 0.1:
            lang = pick(rng, sorted(FOREIGN))
            index = rng.randrange(len(FOREIGN[lang][label]))
            text, group, system_doc = FOREIGN[lang][label][index](d, rng), f"{lang}/{label}/{index}", False
        else:
            intents = LABELS[label]
            intent = pick(rng, sorted(intents))
            index = rng.randrange(len(intents[intent]))
            text, group = intents[intent][index](d, rng), f"{label}/{intent}/{index}"
            system_doc = SYSTEM_DOC in text
            text = vary(rng, text.replace(SYSTEM_DOC, ""))
        items.append(request(d, name, rng, label, text, group, system_doc))
    write("generated.jsonl", items)
    write("generated-agents.jsonl", agent_requests())
    freeze_handwritten()


def draw(rng, names, domains):
    """A domain and a label for the next request, the label by CLASS_SHARE."""
    name = pick(rng, names)
    x = rng.random()
    return name, domains[name], next(lab for lab, share in _cumulative() if x < share)


def agent_requests():
    rng = random.Random(AGENT_SEED)
    domains = {**DOMAINS, **AGENT_DOMAINS}
    names = sorted(domains)
    items = []
    for _ in range(AGENT_COUNT):
        name, d, label = draw(rng, names, domains)
        if rng.random() < 0.15:
            lang = pick(rng, sorted(AGENT_FOREIGN))
            phrasings, group = AGENT_FOREIGN[lang][label], f"agent-{lang}/{label}"
        else:
            phrasings, group = AGENT_LABELS[label], f"agent/{label}"
        index = rng.randrange(len(phrasings))
        item = request(d, name, rng, label, vary(rng, phrasings[index](d, rng)), f"{group}/{index}", False)
        if rng.random() < AGENT_SYSTEM_SHARE:
            messages = item.pop("messages", None) or [{"role": "user", "content": item.pop("prompt")}]
            system = {"role": "system", "content": agent_system(d, rng)}
            item = {"messages": [system] + [m for m in messages if m["role"] != "system"], **item}
        items.append(item)
    return items


def write(path, items):
    with open(path, "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def freeze_handwritten():
    for path in sorted(glob.glob("handwritten/*.jsonl")):
        lines = []
        for line in open(path, encoding="utf-8"):
            item = json.loads(line)
            if "split" not in item:
                item["split"] = "test" if stable_bucket(line.strip()) == 0 else "train"
                item["source"] = "handwritten"
            lines.append(json.dumps(item, ensure_ascii=False))
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")


def _cumulative():
    total = 0.0
    for label, share in CLASS_SHARE:
        total += share
        yield label, total + (1e-9 if label == "complex" else 0)


if __name__ == "__main__":
    main()
