"""Intents by label. Each intent has several phrasings; a phrasing is a function of (domain, rng) -> user text."""

LANGS = ["Spanish", "French", "German", "Portuguese", "Italian", "Japanese", "Dutch"]
LABEL_SETS = ["positive, negative or neutral", "urgent or not urgent", "billing, technical or account", "high, medium or low priority", "spam / not spam", "complaint, question or praise"]
TONES = ["more formal", "friendlier", "shorter and more direct", "less defensive", "more confident", "suitable for a CEO"]
AUDIENCES = ["a new hire", "our CEO", "a customer with no technical background", "the team", "a ten-year-old", "the board"]
PLANGUAGES = ["Python", "TypeScript", "C#", "Go", "Java", "Rust", "SQL", "Kotlin", "Bash"]


def pick(rng, xs):
    return xs[rng.randrange(len(xs))]


def doc(d, rng, sentences):
    """Pasted context: the domain's sentences, shuffled and repeated to about `sentences` sentences."""
    pool = list(d["sentences"]) + list(d["msgs"])
    out = []
    while len(out) < sentences:
        rng.shuffle(pool)
        out.extend(pool)
    return "\n".join(out[:sentences]) if pick(rng, [True, False]) else " ".join(out[:sentences])


def ctx_size(rng):
    return pick(rng, [2, 4, 8, 8, 20, 60, 150, 400])


def quote(rng, text):
    return pick(rng, ['"{}"', "'{}'", "\n\n{}", ": {}", "\n\n{}", ":\n{}", "\n```\n{}\n```", " <<{}>>"]).format(text)


def table(d, rng, rows):
    names = list(d["entities"]) + list(d["people"]) + [f"Option {c}" for c in "ABCDEFGH"]
    rng.shuffle(names)
    head = "| name | cost | score | risk | notes |\n|---|---|---|---|---|"
    lines = [f"| {names[i % len(names)]} | {rng.randrange(5, 900) * 100} | {rng.randrange(20, 99)} | {pick(rng, ['low', 'medium', 'high'])} | {pick(rng, d['sentences'])[:60]} |" for i in range(rows)]
    return head + "\n" + "\n".join(lines)


SIMPLE = {
    "lookup": [
        lambda d, r: f"What's the status of {pick(r, d['ids'])}?",
        lambda d, r: f"status of {pick(r, d['ids'])}",
        lambda d, r: f"Can you look up the {pick(r, d['fields'])} for {pick(r, d['ids'])}?",
        lambda d, r: f"what is the {pick(r, d['fields'])} on {pick(r, d['ids'])}",
        lambda d, r: f"Get me the {pick(r, d['fields'])} of {pick(r, d['entities'])}.",
        lambda d, r: f"Who is the contact for {pick(r, d['entities'])}?",
        lambda d, r: f"Define {pick(r, d['concepts'])} in one sentence.",
        lambda d, r: f"What does {pick(r, d['concepts'])} mean? Short answer please.",
        lambda d, r: f"is {pick(r, d['ids'])} still open?",
        lambda d, r: f"When was {pick(r, d['ids'])} last updated?",
        lambda d, r: f"Find {pick(r, d['ids'])} and tell me its {pick(r, d['fields'])}.",
        lambda d, r: f"quick check - {pick(r, d['fields'])} for {pick(r, d['entities'])}?",
    ],
    "classify": [
        lambda d, r: f"Classify this message as {pick(r, LABEL_SETS)}:{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Label the sentiment{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Which category does this belong to ({pick(r, LABEL_SETS)})?{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Tag this with one word:{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Is this {pick(r, ['urgent', 'a complaint', 'spam', 'about billing', 'positive'])}? yes or no.{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"{quote(r, pick(r, d['msgs'])).strip(': ')}\n\nintent?",
        lambda d, r: f"What language is this written in?{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Route this to the right team ({pick(r, LABEL_SETS)}). Reply with the team name only.{quote(r, pick(r, d['msgs']))}",
    ],
    "extract": [
        lambda d, r: f"Extract the {pick(r, d['fields'])} from this:{quote(r, doc(d, r, ctx_size(r)))}",
        lambda d, r: f"Pull out every {pick(r, d['fields'])} mentioned below.{quote(r, doc(d, r, ctx_size(r)))}",
        lambda d, r: f"{doc(d, r, ctx_size(r))}\n\nWhat is the {pick(r, d['fields'])} here?",
        lambda d, r: f"{doc(d, r, ctx_size(r))}\n\n---\nJust give me the {pick(r, d['fields'])}.",
        lambda d, r: f"From the text below, return the {pick(r, d['fields'])} and the {pick(r, d['fields'])} as JSON.{quote(r, doc(d, r, ctx_size(r)))}",
        lambda d, r: f"Find the dates in this {pick(r, ['email', 'note', 'document', 'message', 'thread'])}:{quote(r, doc(d, r, ctx_size(r)))}",
        lambda d, r: f"Here's the {pick(r, ['document', 'file', 'email thread', 'transcript', 'page'])}:\n{doc(d, r, ctx_size(r))}\nWhich {pick(r, d['fields'])} does it mention?",
        lambda d, r: f"Does the following mention {pick(r, d['entities'])}? Answer yes or no.{quote(r, doc(d, r, ctx_size(r)))}",
    ],
    "format": [
        lambda d, r: f"Turn this into a markdown table:{quote(r, doc(d, r, 4))}",
        lambda d, r: f"Convert to JSON with keys name, value:{quote(r, doc(d, r, 3))}",
        lambda d, r: f"Reformat this date as ISO 8601: {pick(r, ['03/04/2025', 'March 4th, 2025', '4.3.25', '2025/3/4 14:00'])}",
        lambda d, r: f"Fix the spelling in this sentence:{quote(r, pick(r, ['Teh customer recieved the wrong itme.', 'We will definately call you tomorow.', 'Pls confirm the adress for delivry.']))}",
        lambda d, r: f"Make this a bulleted list:{quote(r, doc(d, r, 4))}",
        lambda d, r: f"uppercase the first letter of each line:{quote(r, doc(d, r, 3))}",
        lambda d, r: f"Sort these alphabetically: {', '.join(d['entities'])}",
        lambda d, r: f"convert {r.randrange(2, 900)} {pick(r, ['USD to EUR', 'km to miles', 'kg to pounds', 'celsius to fahrenheit', 'hours to minutes'])}",
    ],
    "translate": [
        lambda d, r: f"Translate to {pick(r, LANGS)}:{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"How do you say{quote(r, pick(r, d['msgs']))} in {pick(r, LANGS)}?",
        lambda d, r: f"{pick(r, LANGS)} please:{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Can you translate this into English?{quote(r, pick(r, ['Merci pour votre retour rapide.', 'Wir melden uns morgen.', 'El pedido llegó roto.', 'La fattura è in allegato.', '配送はいつですか？']))}",
    ],
    "chitchat": [
        lambda d, r: pick(r, ["hi", "hello!", "Hey, you there?", "thanks, that's all", "ok cool", "Good morning!", "thank you so much", "perfect, thanks", "bye", "got it", "👍", "nice one"]),
        lambda d, r: pick(r, ["Hi there, can you help me with something?", "Thanks for the quick answer!", "OK that works for me.", "Great, appreciated.", "never mind, I found it", "sounds good"]),
        lambda d, r: f"Reply '{pick(r, ['thanks, received', 'noted', 'we will get back to you', 'confirmed'])}' to {pick(r, d['people'])}.",
    ],
    "tool_fetch": [
        lambda d, r: f"Check the weather in {pick(r, ['Lyon', 'Oslo', 'Austin', 'Pune', 'Lima'])} tomorrow",
        lambda d, r: f"Show me {pick(r, d['ids'])}",
        lambda d, r: f"pull up {pick(r, d['entities'])}",
        lambda d, r: f"What's the current {pick(r, d['fields'])} for {pick(r, d['entities'])}?",
        lambda d, r: f"Open {pick(r, d['ids'])} and read me the {pick(r, d['fields'])}.",
        lambda d, r: f"List my {pick(r, ['open tasks', 'meetings today', 'unread tickets', 'pending approvals', 'recent orders'])}.",
    ],
}

MODERATE = {
    "summarise": [
        lambda d, r: f"Summarise this for {pick(r, AUDIENCES)}:{quote(r, doc(d, r, ctx_size(r)))}",
        lambda d, r: f"{doc(d, r, ctx_size(r))}\n\nTL;DR?",
        lambda d, r: f"Can you give me the key points of the following?{quote(r, doc(d, r, ctx_size(r)))}",
        lambda d, r: f"{doc(d, r, ctx_size(r))}\n\nsummarize the above in a few bullet points",
        lambda d, r: f"What is this {pick(r, ['thread', 'document', 'report', 'call transcript', 'log'])} about? Give me a short summary.{quote(r, doc(d, r, ctx_size(r)))}",
        lambda d, r: f"Write a one-paragraph recap of this for {pick(r, AUDIENCES)}.{quote(r, doc(d, r, ctx_size(r)))}",
        lambda d, r: f"Condense this into 3 sentences:{quote(r, doc(d, r, ctx_size(r)))}",
    ],
    "explain": [
        lambda d, r: f"Explain {pick(r, d['concepts'])} to {pick(r, AUDIENCES)}.",
        lambda d, r: f"How does {pick(r, d['concepts'])} work?",
        lambda d, r: f"Can you explain what {pick(r, d['concepts'])} is and why it matters for us?",
        lambda d, r: f"I never understood {pick(r, d['concepts'])}. Can you walk through it in plain words?",
        lambda d, r: f"What's the difference between {pick(r, d['concepts'])} and {pick(r, d['concepts'])}?",
        lambda d, r: f"Why would someone use {pick(r, d['concepts'])}?",
        lambda d, r: f"{doc(d, r, pick(r, [2, 4, 6]))}\n\nWhat does this mean for {pick(r, d['people'])}?",
        lambda d, r: f"Explain this to me like I'm new here:{quote(r, pick(r, d['sentences']))}",
    ],
    "draft": [
        lambda d, r: f"Draft a short email to {pick(r, d['people'])} about{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Write a reply to this customer:{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Can you write a polite follow-up to {pick(r, d['people'])}? Context:{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Compose a LinkedIn post announcing {pick(r, d['entities'])}.",
        lambda d, r: f"write a slack message to the team saying{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Draft a {pick(r, ['two-paragraph', 'short', 'friendly', 'brief'])} {pick(r, ['announcement', 'note', 'update', 'reminder'])} about {pick(r, d['entities'])} for {pick(r, AUDIENCES)}.",
        lambda d, r: f"Help me respond to this:{quote(r, pick(r, d['msgs']))}\nKeep it professional.",
        lambda d, r: f"Write a product description for {pick(r, d['entities'])}, around 100 words.",
    ],
    "compare_two": [
        lambda d, r: (lambda o: f"What are the pros and cons of {o[0]} vs {o[1]}?")(pick(r, d['options'])),
        lambda d, r: (lambda o: f"{o[0]} or {o[1]} - what's the main difference?")(pick(r, d['options'])),
        lambda d, r: (lambda o: f"Give me a quick comparison of {o[0]} and {o[1]}.")(pick(r, d['options'])),
        lambda d, r: (lambda o: f"When should we choose {o[0]} over {o[1]}?")(pick(r, d['options'])),
    ],
    "rag_answer": [
        lambda d, r: f"Using these passages, answer: what applies to {pick(r, d['entities'])}?\n\n{doc(d, r, pick(r, [6, 10, 20]))}",
        lambda d, r: f"Context:\n{doc(d, r, pick(r, [6, 10, 30, 80]))}\n\nQuestion: how do these points relate to {pick(r, d['entities'])}? Answer in a short paragraph.",
        lambda d, r: f"{doc(d, r, pick(r, [8, 12, 40]))}\n\nBased on the above, what should {pick(r, d['people'])} know about {pick(r, d['entities'])}?",
    ],
    "rewrite": [
        lambda d, r: f"Rewrite this to sound {pick(r, TONES)}:{quote(r, doc(d, r, pick(r, [2, 3, 5])))}",
        lambda d, r: f"Make this {pick(r, TONES)}:{quote(r, pick(r, d['msgs']))}",
        lambda d, r: f"Paraphrase the following paragraph:{quote(r, doc(d, r, pick(r, [3, 5])))}",
        lambda d, r: f"Can you improve the wording of this?{quote(r, doc(d, r, pick(r, [2, 4])))}",
    ],
    "ideas": [
        lambda d, r: f"Give me {pick(r, ['3', '5', 'a few', 'some', 'ten'])} ideas for {pick(r, d['entities'])}.",
        lambda d, r: f"Brainstorm names for {pick(r, d['entities'])}.",
        lambda d, r: f"Outline a short presentation on {pick(r, d['concepts'])}.",
        lambda d, r: f"What questions should I ask {pick(r, d['people'])} in our next meeting?",
        lambda d, r: f"List some talking points for a call with {pick(r, d['people'])} about {pick(r, d['entities'])}.",
        lambda d, r: f"Suggest a few subject lines for an email about {pick(r, d['entities'])}.",
    ],
}

COMPLEX = {
    "reasoning": [
        lambda d, r: f"We have {r.randrange(3, 40)} people, each handles {r.randrange(5, 60)} items a day, volume grows {r.randrange(2, 15)}% a month and we start at {r.randrange(200, 5000)} items a day. In which month do we need to hire, and how many people by month 12?",
        lambda d, r: f"If {pick(r, d['entities'])} costs {r.randrange(100, 9000)} per month plus {r.randrange(1, 9)}% of revenue, and revenue is {r.randrange(10, 900)}k growing {r.randrange(2, 20)}% quarterly, what's the total cost over 3 years vs a flat {r.randrange(2000, 20000)}/month? Show your work.",
        lambda d, r: f"Work out step by step: {doc(d, r, 4)} Given all that, what happens to {pick(r, d['fields'])} if volume doubles?",
        lambda d, r: f"Think through every case: what happens if {pick(r, d['msgs']).rstrip('.')}, and {pick(r, d['msgs']).lower()}",
        lambda d, r: f"{doc(d, r, pick(r, [5, 8]))}\n\nReason carefully: which of these facts are inconsistent with each other, and what is the most likely explanation?",
        lambda d, r: f"Schedule {r.randrange(5, 12)} meetings across {r.randrange(3, 6)} time zones so nobody meets before 8am or after 6pm local, with {pick(r, d['people'])} in all of them. Find a feasible schedule or prove there isn't one.",
        lambda d, r: f"What would happen if we {pick(r, d['goals'])} while {pick(r, d['msgs']).lower()} Walk me through the second-order effects.",
    ],
    "planning": [
        lambda d, r: f"Build a {r.randrange(4, 16)}-week plan to {pick(r, d['goals'])}. Include milestones, owners, dependencies and risks.",
        lambda d, r: f"We need to {pick(r, d['goals'])}. Constraints:{quote(r, doc(d, r, pick(r, [4, 6, 10])))}\nCome up with a phased plan and tell me what could go wrong.",
        lambda d, r: f"Plan how to {pick(r, d['goals'])} with a budget of {r.randrange(20, 900)}k and {r.randrange(2, 12)} people. Sequence the work and justify the order.",
        lambda d, r: f"Create a detailed rollout strategy to {pick(r, d['goals'])}, covering stakeholders, timeline, risks and how we measure success.",
        lambda d, r: f"Help me plan this: {pick(r, d['goals'])}. I'm not sure where to start, what to do first, or how to handle {pick(r, d['msgs']).lower()}",
        lambda d, r: f"Design a roadmap for the next two quarters to {pick(r, d['goals'])}.",
    ],
    "analysis": [
        lambda d, r: f"Analyse {pick(r, d['subjects'])} and recommend what we should do.{quote(r, table(d, r, r.randrange(4, 12)))}",
        lambda d, r: f"{table(d, r, r.randrange(5, 14))}\n\nCompare these on cost, risk and score, weigh the trade-offs and pick one. Justify it.",
        lambda d, r: f"Here is the data:\n{doc(d, r, pick(r, [10, 20, 60, 150]))}\n\nIdentify the root cause and propose fixes, ranked by impact.",
        lambda d, r: f"Do a risk assessment of {pick(r, d['subjects'])}. Consider at least five risks, likelihood and impact, and mitigations.",
        lambda d, r: f"Evaluate {pick(r, d['subjects'])} and find patterns we are missing.{quote(r, doc(d, r, pick(r, [8, 30, 100])))}",
        lambda d, r: f"{doc(d, r, pick(r, [20, 60, 200]))}\n\nCross-check all of the above, find contradictions and tell me which conclusion the evidence supports.",
        lambda d, r: f"Which of {pick(r, d['subjects'])} should we prioritise, and why? Consider {pick(r, d['concepts'])}, cost and timing.",
        lambda d, r: f"Should we {pick(r, ['switch to', 'invest in', 'drop', 'double down on'])} {pick(r, d['entities'])}? Build the business case with numbers, scenarios and a recommendation.",
    ],
    "code": [
        lambda d, r: f"Write a {pick(r, PLANGUAGES)} function that {pick(r, d['code'])}.",
        lambda d, r: f"I need a script that {pick(r, d['code'])}. {pick(r, PLANGUAGES)}, with tests please.",
        lambda d, r: f"Why does this fail?\n```\n{pick(r, DOMAINS_CODE)}\n```",
        lambda d, r: f"Review this code and point out bugs:\n{pick(r, DOMAINS_CODE)}\n{pick(r, DOMAINS_CODE)}",
        lambda d, r: f"Refactor this to be testable:\n```{pick(r, PLANGUAGES).lower()}\n{pick(r, DOMAINS_CODE)}\n```",
        lambda d, r: f"Port this to {pick(r, PLANGUAGES)}:\n{pick(r, DOMAINS_CODE)}",
        lambda d, r: f"Write a SQL query that joins orders, customers and payments to find customers whose {pick(r, d['fields'])} changed more than twice last quarter.",
        lambda d, r: f"Implement a small service that {pick(r, d['code'])}, with an HTTP endpoint and error handling.",
        lambda d, r: f"Getting this error:\n{pick(r, TRACES)}\nWhat's wrong and how do I fix it?",
        lambda d, r: f"Design a database schema for {pick(r, d['entities'])} and write the migrations.",
        lambda d, r: f"Can you debug this for me? It {pick(r, ['hangs', 'returns the wrong total', 'crashes on empty input', 'is slow on large files'])}.\n{pick(r, DOMAINS_CODE)}",
    ],
    "math": [
        lambda d, r: f"Prove that {pick(r, PROOFS)}.",
        lambda d, r: f"Derive {pick(r, DERIVE)}.",
        lambda d, r: f"Calculate the NPV of {r.randrange(3, 9)} annual cash flows of {r.randrange(10, 500)}k at a {r.randrange(3, 15)}% discount rate after an upfront cost of {r.randrange(100, 2000)}k, and the IRR.",
        lambda d, r: f"What's the probability that at least {r.randrange(2, 5)} of {r.randrange(6, 30)} {pick(r, ['orders', 'claims', 'servers', 'shipments'])} fail if each fails with p = 0.{r.randrange(1, 30):02d}? Show the derivation.",
        lambda d, r: f"Solve for x: {r.randrange(2, 9)}x^2 - {r.randrange(2, 30)}x + {r.randrange(1, 20)} = 0, and explain each step.",
        lambda d, r: f"Is the difference between {pick(r, d['subjects'])} statistically significant? Here are the samples: {', '.join(str(r.randrange(10, 99)) for _ in range(12))} vs {', '.join(str(r.randrange(10, 99)) for _ in range(12))}.",
    ],
    "longform": [
        lambda d, r: f"Write a {pick(r, ['1500', '2000', '1,200', '3000', '800'])}-word {pick(r, ['report', 'article', 'essay', 'guide', 'proposal'])} on {pick(r, d['longform'])}.",
        lambda d, r: f"Draft {pick(r, d['longform'])}. It should be thorough: sections, examples, and edge cases.",
        lambda d, r: f"Write a detailed {pick(r, ['report', 'proposal', 'white paper', 'design doc', 'policy'])} about {pick(r, d['subjects'])}.",
        lambda d, r: f"I need a full {pick(r, ['chapter', 'handbook section', 'whitepaper', 'long-form blog post'])} about {pick(r, d['concepts'])}, aimed at {pick(r, AUDIENCES)}.",
        lambda d, r: f"Using these notes, write {pick(r, d['longform'])} (several pages):{quote(r, doc(d, r, pick(r, [6, 12, 30])))}",
    ],
    "design": [
        lambda d, r: f"Design a system that {pick(r, d['code'])} at {pick(r, ['10k', '1M', '50k', '200 million'])} requests a day. Cover architecture, data model, failure modes and trade-offs.",
        lambda d, r: f"How would you architect {pick(r, d['entities'])} for multi-region availability?",
        lambda d, r: f"Propose an architecture to {pick(r, d['goals'])} and compare it with two alternatives.",
    ],
}

SEED_CODE = [
    "def total(items):\n    t = 0\n    for i in range(len(items) + 1):\n        t += items[i].price\n    return t",
    "async function load(ids) {\n  const out = [];\n  ids.forEach(async id => out.push(await fetchItem(id)));\n  return out;\n}",
    "public decimal Average(List<decimal> xs) {\n    return xs.Sum() / xs.Count;\n}",
    "func worker(jobs chan int, wg sync.WaitGroup) {\n    for j := range jobs { process(j) }\n    wg.Done()\n}",
    "SELECT customer_id, SUM(amount) FROM payments WHERE status = 'ok' GROUP BY customer_id HAVING amount > 100;",
    "while True:\n    row = cursor.fetchone()\n    if row == None: break\n    cache[row.id] = row",
    "class Counter {\n  private int n;\n  public void inc() { n = n + 1; }\n  public int get() { return n; }\n}",
    "for f in $(ls *.csv); do\n  cat $f | grep -v header >> all.csv\ndone",
]
DOMAINS_CODE = SEED_CODE
TRACES = [
    "Traceback (most recent call last):\n  File \"app.py\", line 42, in handle\n    total = sum(x['amount'] for x in rows)\nKeyError: 'amount'",
    "System.NullReferenceException: Object reference not set to an instance of an object.\n   at Billing.Invoice.Total() in Invoice.cs:line 88",
    "TypeError: Cannot read properties of undefined (reading 'map')\n    at Orders (Orders.jsx:17:22)",
    "panic: runtime error: index out of range [5] with length 5\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:14 +0x1d",
    "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
    "ERROR:  deadlock detected\nDETAIL:  Process 4121 waits for ShareLock on transaction 99812",
]
PROOFS = ["the sum of the first n odd numbers is n^2", "there are infinitely many primes", "sqrt(2) is irrational", "every tree with n nodes has n-1 edges", "the greedy algorithm is optimal for this scheduling problem", "compound interest grows faster than simple interest for any positive rate after one period"]
DERIVE = ["the formula for the present value of an annuity", "the variance of a binomial distribution", "the break-even point as a function of price and unit cost", "the gradient of the logistic loss", "the optimal order quantity (EOQ)"]

LABELS = {"simple": SIMPLE, "moderate": MODERATE, "complex": COMPLEX}
