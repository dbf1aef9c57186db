"""More phrasings per intent, written after the first ones so that each intent has many ways of being asked.
Appended (never inserted) so that the template ids, and with them the frozen split, of earlier phrasings stay put."""
from intents import AUDIENCES, COMPLEX, DOMAINS_CODE, LANGS, MODERATE, PLANGUAGES, SIMPLE, TONES, TRACES, ctx_size, doc, pick, quote, table

SIMPLE["lookup"] += [
    lambda d, r: f"Remind me, what's {pick(r, d['entities'])}'s {pick(r, d['fields'])}?",
    lambda d, r: f"do we have a {pick(r, d['fields'])} on file for {pick(r, d['people'])}",
    lambda d, r: f"{pick(r, d['ids'])} -> {pick(r, d['fields'])}?",
    lambda d, r: f"I need the {pick(r, d['fields'])} from {pick(r, d['ids'])}, nothing else.",
    lambda d, r: f"Which team owns {pick(r, d['entities'])}?",
    lambda d, r: f"Has {pick(r, d['ids'])} been closed yet?",
]
SIMPLE["classify"] += [
    lambda d, r: f"Sort this into one bucket - {pick(r, LABEL_SETS_2)}.\n{pick(r, d['msgs'])}",
    lambda d, r: f"Give a single label for:{quote(r, pick(r, d['msgs']))}\nAllowed: {pick(r, LABEL_SETS_2)}",
    lambda d, r: f"How urgent is this on a scale of 1-5? Only the number.{quote(r, pick(r, d['msgs']))}",
    lambda d, r: f"Would you say the customer is angry? {pick(r, d['msgs'])}",
    lambda d, r: f"Does this message need a human? y/n{quote(r, pick(r, d['msgs']))}",
]
SIMPLE["extract"] += [
    lambda d, r: f"Grab the {pick(r, d['fields'])} and return it as {{\"value\": ...}}.{quote(r, doc(d, r, ctx_size(r)))}",
    lambda d, r: f"In the text that follows, find every number and list them.{quote(r, doc(d, r, ctx_size(r)))}",
    lambda d, r: f"{doc(d, r, ctx_size(r))}\n\nwho is mentioned in there?",
    lambda d, r: f"Copy out the sentence that mentions {pick(r, d['fields'])}:{quote(r, doc(d, r, ctx_size(r)))}",
    lambda d, r: f"Is there a {pick(r, d['fields'])} in this? If so, what is it.\n{doc(d, r, ctx_size(r))}",
    lambda d, r: f"Parse these into fields (name, {pick(r, d['fields'])}):\n{doc(d, r, pick(r, [2, 3, 5]))}",
]
SIMPLE["format"] += [
    lambda d, r: f"Wrap each of these in quotes and separate with commas: {', '.join(d['entities'][:4])}",
    lambda d, r: f"Change the date format to DD.MM.YYYY: {pick(r, ['2025-03-04', '4 March 2025', '03/04/25'])}",
    lambda d, r: f"Remove the duplicates from this list: {', '.join(d['entities'] + d['entities'][:2])}",
    lambda d, r: f"Put this in YAML:{quote(r, doc(d, r, 2))}",
    lambda d, r: f"strip the markdown from this text:\n**{pick(r, d['msgs'])}**",
]
SIMPLE["chitchat"] += [
    lambda d, r: pick(r, ["you still there?", "brb", "lol ok", "cheers mate", "that's helpful, ta", "have a good weekend!", "morning :)", "no worries", "understood, thanks"]),
    lambda d, r: f"thanks {pick(r, ['again', 'a lot', 'so much', ''])}{pick(r, ['!', '.', '', ' :)'])}",
]
SIMPLE["tool_fetch"] += [
    lambda d, r: f"Send {pick(r, d['ids'])} to {pick(r, d['people'])}.",
    lambda d, r: f"Schedule a call with {pick(r, d['people'])} tomorrow at {r.randrange(8, 18)}:00.",
    lambda d, r: f"Update {pick(r, d['ids'])}: set {pick(r, d['fields'])} to {r.randrange(10, 999)}.",
    lambda d, r: f"Close {pick(r, d['ids'])} with the note 'resolved'.",
]
SIMPLE["translate"] += [
    lambda d, r: f"Translate into {pick(r, LANGS)} and keep it short: {pick(r, d['msgs'])}",
    lambda d, r: f"What's '{pick(r, ['invoice', 'delivery', 'refund', 'meeting', 'deadline'])}' in {pick(r, LANGS)}?",
]

MODERATE["summarise"] += [
    lambda d, r: f"Here's a long {pick(r, ['thread', 'report', 'doc', 'transcript'])}. Boil it down to what matters for {pick(r, AUDIENCES)}.\n\n{doc(d, r, ctx_size(r))}",
    lambda d, r: f"{doc(d, r, ctx_size(r))}\n\nCan you recap the above in plain language?",
    lambda d, r: f"Skim this and tell me the gist:{quote(r, doc(d, r, ctx_size(r)))}",
    lambda d, r: f"Write short meeting notes from this:\n{doc(d, r, pick(r, [6, 10, 20]))}",
    lambda d, r: f"What are the main points here? Bullets are fine.\n{doc(d, r, ctx_size(r))}",
]
MODERATE["explain"] += [
    lambda d, r: f"In a paragraph, what is {pick(r, d['concepts'])}?",
    lambda d, r: f"Help me understand {pick(r, d['concepts'])} - I have a meeting about it in 10 minutes.",
    lambda d, r: f"what does {pick(r, d['concepts'])} actually mean in practice",
    lambda d, r: f"Can you give me a short explanation of how {pick(r, d['concepts'])} affects {pick(r, d['entities'])}?",
    lambda d, r: f"Why is {pick(r, d['concepts'])} important? A few sentences please.",
    lambda d, r: f"What does this message mean?{quote(r, pick(r, d['msgs']))}",
]
MODERATE["draft"] += [
    lambda d, r: f"Write a quick note to {pick(r, d['people'])} thanking them for {pick(r, d['entities'])}.",
    lambda d, r: f"Could you draft a response saying we'll look into it?{quote(r, pick(r, d['msgs']))}",
    lambda d, r: f"Need a short message for {pick(r, d['people'])}: {pick(r, d['msgs'])} Make it sound {pick(r, TONES)}.",
    lambda d, r: f"Write 3 tweet-length posts about {pick(r, d['entities'])}.",
    lambda d, r: f"Draft an email inviting {pick(r, d['people'])} to a meeting about {pick(r, d['concepts'])}.",
    lambda d, r: f"Write the intro paragraph for a newsletter about {pick(r, d['entities'])}.",
]
MODERATE["compare_two"] += [
    lambda d, r: (lambda o: f"Is {o[0]} better than {o[1]} for a team like ours? Short answer with the main reasons.")(pick(r, d['options'])),
    lambda d, r: (lambda o: f"Summarise the main differences: {o[0]} vs. {o[1]}.")(pick(r, d['options'])),
    lambda d, r: (lambda o: f"{o[0]} vs {o[1]}, quick pros/cons list?")(pick(r, d['options'])),
]
MODERATE["rag_answer"] += [
    lambda d, r: f"Documents:\n{doc(d, r, pick(r, [6, 12, 40]))}\n\nWhat do the documents say about {pick(r, d['fields'])}? Cite them.",
    lambda d, r: f"Answer from the context only. Question: what should I do about {pick(r, d['msgs']).lower().rstrip('.')}?\nContext:\n{doc(d, r, pick(r, [6, 20]))}",
]
MODERATE["rewrite"] += [
    lambda d, r: f"Polish this before I send it:{quote(r, pick(r, d['msgs']))}",
    lambda d, r: f"Shorten this to one paragraph:{quote(r, doc(d, r, pick(r, [4, 6, 8])))}",
    lambda d, r: f"Rewrite for {pick(r, AUDIENCES)}:{quote(r, doc(d, r, pick(r, [2, 4])))}",
]
MODERATE["ideas"] += [
    lambda d, r: f"What are a few ways to improve {pick(r, d['entities'])}?",
    lambda d, r: f"Give me a short checklist for {pick(r, d['concepts'])}.",
    lambda d, r: f"Any tips for dealing with this?{quote(r, pick(r, d['msgs']))}",
    lambda d, r: f"Come up with 5 FAQ entries about {pick(r, d['entities'])}.",
]

COMPLEX["reasoning"] += [
    lambda d, r: f"Three options cost {r.randrange(10, 90)}k, {r.randrange(10, 90)}k and {r.randrange(10, 90)}k up front and save {r.randrange(1, 9)}k, {r.randrange(1, 9)}k and {r.randrange(1, 9)}k a month; money costs {r.randrange(3, 12)}% a year. Which pays back first and which is worth most over 5 years?",
    lambda d, r: f"Given: {doc(d, r, 5)}\nIf {pick(r, d['msgs']).lower().rstrip('.')}, what breaks first and why? Reason it through.",
    lambda d, r: f"We lose {r.randrange(2, 9)}% of customers a month and add {r.randrange(50, 900)} a month, starting from {r.randrange(1000, 20000)}. Where do we plateau, and how long until we are within 5% of it?",
    lambda d, r: f"Puzzle: {pick(r, d['people'])} says {pick(r, d['msgs']).lower()} and the logs say otherwise: {doc(d, r, 3)} Who is right? Explain the logic.",
]
COMPLEX["planning"] += [
    lambda d, r: f"Lay out, week by week, how we {pick(r, d['goals'])}. Who does what, what blocks what, where's the risk?",
    lambda d, r: f"Our goal: {pick(r, d['goals'])}. Put together the workstreams, a timeline, the budget split and a risk register.",
    lambda d, r: f"I have {r.randrange(2, 8)} people and {r.randrange(3, 20)} weeks to {pick(r, d['goals'])}. Plan it, including what we should NOT do.",
    lambda d, r: f"Make a migration plan with rollback steps: {pick(r, d['goals'])}.",
]
COMPLEX["analysis"] += [
    lambda d, r: f"Look at these numbers and tell me what's really going on, then what you'd change:\n{table(d, r, r.randrange(6, 15))}",
    lambda d, r: f"Go through {pick(r, d['subjects'])} and rank them by risk and upside. Explain the ranking.",
    lambda d, r: f"Investigate: {pick(r, d['msgs'])} Use the data below to find the cause and the fix.\n{doc(d, r, pick(r, [10, 30, 80]))}",
    lambda d, r: f"Audit {pick(r, d['subjects'])} for problems and give us prioritised recommendations with expected impact.",
    lambda d, r: f"Given everything below, what's your recommendation and why? Consider at least three alternatives.\n{doc(d, r, pick(r, [10, 40]))}",
]
COMPLEX["code"] += [
    lambda d, r: f"Code a {pick(r, PLANGUAGES)} class that {pick(r, d['code'])}. Handle errors and edge cases.",
    lambda d, r: f"Add unit tests for this and fix whatever they catch:\n{pick(r, DOMAINS_CODE)}",
    lambda d, r: f"This is too slow on big inputs, make it faster:\n{pick(r, DOMAINS_CODE)}",
    lambda d, r: f"{pick(r, TRACES)}\n\nhelp?",
    lambda d, r: f"Write the API endpoint and the database query for {pick(r, d['entities'])}, in {pick(r, PLANGUAGES)}.",
    lambda d, r: f"can you build me a {pick(r, ['CLI', 'web app', 'bot', 'script', 'small library'])} that {pick(r, d['code'])}",
    lambda d, r: f"Is there a bug here? Explain what this does line by line and fix it.\n{pick(r, DOMAINS_CODE)}",
]
COMPLEX["math"] += [
    lambda d, r: f"Show mathematically that {pick(r, PROOFS_2)}.",
    lambda d, r: f"Compute the expected {pick(r, ['loss', 'revenue', 'wait time', 'cost'])} when demand is normal with mean {r.randrange(100, 900)} and sd {r.randrange(10, 90)}, and we stock {r.randrange(100, 900)} units at margin {r.randrange(5, 40)}. Derive the optimal stock level.",
    lambda d, r: f"A/B test: {r.randrange(1000, 9000)} users with {r.randrange(50, 400)} conversions vs {r.randrange(1000, 9000)} with {r.randrange(50, 400)}. Compute the p-value and a 95% confidence interval for the lift.",
    lambda d, r: f"Find the minimum of f(x) = x^3 - {r.randrange(2, 12)}x^2 + {r.randrange(2, 30)}x on [0, 10] and prove it is the minimum.",
]
COMPLEX["longform"] += [
    lambda d, r: f"Write a long, well-structured article about {pick(r, d['concepts'])} for {pick(r, AUDIENCES)}: history, how it works, examples, pitfalls.",
    lambda d, r: f"Produce a complete {pick(r, ['policy document', 'training manual', 'RFP response', 'business plan'])} for {pick(r, d['entities'])}.",
    lambda d, r: f"I need {pick(r, d['longform'])} - about {pick(r, ['ten', '8', '15', 'twelve'])} pages, with an executive summary.",
]
COMPLEX["design"] += [
    lambda d, r: f"Sketch the architecture for {pick(r, d['entities'])}: components, data flow, scaling, failure handling.",
    lambda d, r: f"What would a good data model and API look like for {pick(r, d['subjects'])}? Design it and justify the choices.",
]

LABEL_SETS_2 = ["refund / shipping / other", "bug, feature request or question", "hot, warm or cold lead", "approve or reject", "P1, P2 or P3"]
PROOFS_2 = ["the median minimises the sum of absolute deviations", "a sum of two independent normal variables is normal", "binary search finds an element in O(log n) steps", "the expected number of coin flips to see two heads in a row is 6"]

# Retrieval agents often put the document in the system prompt and ask about it in a short user turn;
# SYSTEM_DOC marks a phrasing whose document goes there (generate.py builds it).
SYSTEM_DOC = "\x00system-doc\x00"
SIMPLE["extract"] += [
    lambda d, r: SYSTEM_DOC + f"What's the {pick(r, d['fields'])} in the {pick(r, DOC_NAMES)}?",
    lambda d, r: SYSTEM_DOC + f"Does the {pick(r, DOC_NAMES)} mention {pick(r, d['entities'])}? Yes or no.",
    lambda d, r: SYSTEM_DOC + f"which date is in the {pick(r, DOC_NAMES)}",
]
MODERATE["summarise"] += [
    lambda d, r: SYSTEM_DOC + f"Summarise the key {pick(r, ['points', 'risks', 'decisions', 'numbers', 'issues'])} in this {pick(r, DOC_NAMES)}.",
    lambda d, r: SYSTEM_DOC + f"Give me a short summary of the {pick(r, DOC_NAMES)} for {pick(r, AUDIENCES)}.",
    lambda d, r: SYSTEM_DOC + f"what's the {pick(r, DOC_NAMES)} about, in a few bullets?",
]
MODERATE["explain"] += [
    lambda d, r: SYSTEM_DOC + f"Explain what the {pick(r, DOC_NAMES)} means for {pick(r, d['people'])}.",
]
COMPLEX["analysis"] += [
    lambda d, r: SYSTEM_DOC + f"Analyse the {pick(r, DOC_NAMES)}: find the root causes behind the problems it describes and recommend a plan, ranked by impact.",
    lambda d, r: SYSTEM_DOC + f"Cross-check every figure in the {pick(r, DOC_NAMES)}, find the inconsistencies and tell me which conclusion holds up.",
    lambda d, r: SYSTEM_DOC + f"Using the {pick(r, DOC_NAMES)}, build a risk assessment with likelihood, impact and mitigations for each risk.",
]
DOC_NAMES = ["report", "document", "contract", "transcript", "thread", "policy", "log", "notes"]
