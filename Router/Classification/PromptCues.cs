using System.Text.RegularExpressions;

namespace LocalOpenAi.Router.Classification;

/// <summary>
/// The precompiled cue patterns the classifier searches for. They are written in lower case and run over
/// lower-cased text, so that the source generator can find candidates with vectorised literal searches
/// (case-insensitive patterns were several times slower); only <see cref="StackTrace"/> runs on the original text.
/// </summary>
internal static partial class PromptCues
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(
        @"\b(give me (a|an) ([\w#+.-]+ ){0,3}(function|method|class|script|program|module|query|regex|component|dockerfile|yaml|parser|service)|implement(s|ing)?|refactor\w*|(write|create|generate|build|make|need|want) (me )?(a |an |the |some )?([\w#+.-]+ ){0,3}(function|method|class|script|program|module|library|query|regex|unit tests?|tests|endpoint|api|component|hook|migration|dockerfile|parser|cli|service|microservice|backend|bot|scraper|pipeline|workflow|yaml|terraform|code|interface|schema|trigger|stored procedure|sql|decorator)s?|code review|review (this|my) (code|pr|pull request|diff)|debug\w*|(fix|solve|find) (this|the|my|a) (bug|code|error|test|exception|crash|leak|race|deadlock)|why (does|is) (this|my) (code|test|query|function|build|script)|unit tests?|pull request|segfault|memory leak|race condition|deadlock|time complexity|big-?o|(convert|port|translate|migrate) (this|the|my|it) ([\w#+.-]+ ){0,3}(code|script|function|class|pipeline|program|module|query|to)|design (a|an|the|our) ([\w-]+ ){0,4}(system|architecture|schema|database|api|service|pipeline|platform)|(schreibe|escribe|écris) (eine?|una?|une) [\w-]*(funktion|función|fonction|skript|script|programm|programa)|type ?error|compile errors?|does not compile|doesn't compile|won't compile|throws)\b",
        Options)]
    public static partial Regex CodeRequest();

    /// <summary>Chinese "write", "implement", "code", "function", "program": CJK has no word boundaries to anchor on.</summary>
    [GeneratedRegex("写|实现|编写|代码|函数|程序", Options)]
    public static partial Regex CodeRequestCjk();

    [GeneratedRegex(
        @"\b(python|javascript|typescript|c#|c\+\+|java|golang|rust|kotlin|swift|sql|postgres(ql)?|mysql|bash|powershell|react|django|flask|fastapi|kubernetes|k8s|terraform|dotnet|asp\.net|node(\.js)?|pandas|numpy|linq|graphql|css|html|json schema|regex|dockerfile|ruby|php|scala|haskell|elixir|verilog|cuda)(?![\w#+])",
        Options)]
    public static partial Regex Language();

    [GeneratedRegex(
        @"Traceback \(most recent call last\)|Exception in thread|^\s+at [\w.$<>`]+\(|[a-z0-9](Error|Exception)(: |\n)|\bpanic: |segmentation fault|core dumped|error (CS|TS)\d{4}|exit code [1-9]|^\s+File "".+"", line \d+",
        Options | RegexOptions.Multiline)]
    public static partial Regex StackTrace();

    [GeneratedRegex(
        @"\b(prove|proof|derive|derivation|step[- ]by[- ]step|show (that|your work|all work|the steps)|each step|reason (through|about)|think (through|carefully)|walk me through|rigorous(ly)?|formally|justify|every case)\b",
        Options)]
    public static partial Regex StrongReasoning();

    [GeneratedRegex(
        @"\b(trade-?offs?|root cause|optimi[sz]\w*|optimal|minimi[sz]\w*|maximi[sz]\w*|hypothes[ie]s|counter-?arguments?|edge cases|multi-step|scenarios?|sensitivity|what would happen if|compare and contrast|(cheapest|best|fastest) way)\b",
        Options)]
    public static partial Regex Reasoning();

    [GeneratedRegex(
        @"\b(integral|integrate|derivative|differentiate|eigen\w*|equations?|solve for|theorem|lemma|matri(x|ces)|polynomial|combinatori\w*|black-scholes|logarithm|quadratic|geometric series|bayes\w*|converge\w*)\b|\b\d+(\.\d+)?\s*[-+*/^×÷]\s*\d+(\.\d+)?\s*=|\b[a-z]\^\d|\b\d*[xyn]\s*[-+]\s*\d+\s*=",
        Options)]
    public static partial Regex AdvancedMath();

    [GeneratedRegex(
        @"\b(probabilit(y|ies)|expected value|variance|standard deviation|modulo|factorial|permutations?|compound(ed)? interest|npv|irr|sharpe|regression)\b",
        Options)]
    public static partial Regex Math();

    [GeneratedRegex(
        @"\band (then )?(tell|show|list|compare|summari[sz]e|rank|flag|pick|send|email|update|recommend|explain|let me know)\b",
        Options)]
    public static partial Regex FollowUpAction();

    [GeneratedRegex(
        @"\b(how (many|much|long|far|fast)|what (is|was|will be) the (total|average|probability|expected|final|break-?even|return|yield|rate)|calculate|compute|work out|estimate)\b",
        Options)]
    public static partial Regex QuantityQuestion();

    [GeneratedRegex(@"\b\d+([.,]\d+)?%?", Options)]
    public static partial Regex Number();

    [GeneratedRegex(
        @"\b(analy[sz]e|analysis|analiz\w*|recomiend\w*|recomend\w*|analysier\w*|empfehl\w*|compare|breakdown|itinerary|evaluate|assess(ment)?|recommend(ation)?s?|strateg(y|ic|ies)|plan (with|for|that|of|to)|planning|design (a|an|the|our|my)|devise|experiment|architect(ure)?|roadmap|synthesi[sz]e|critique|in-depth|deep dive|comprehensive|thorough(ly)?|due diligence|risk (assessment|analysis)|investment thesis|go-to-market|forecast\w*|implications|prioriti[sz]e|decide whether|should (we|i) (buy|sell|hedge|migrate|switch|invest|adopt)|business case|portfolio|rebalanc\w*)\b",
        Options)]
    public static partial Regex Analysis();

    [GeneratedRegex(
        @"\b(summari[sz]e|summary|key (points|takeaways)|bullet points|explain\w*|describe|outline|overview|pros and cons|difference between|different from|differ from|how (does|do) ([\w'-]+ ){1,4}work|why (does|do|did|is|are)|what does .{1,40} do\b|what are (my|the|our) (options|main|key|biggest)|risks of|talking points|ideas|tips|checklist|troubleshooting steps|what should i|turn (this|these|it)|into (a|an) ([\w-]+ ){0,2}(paragraph|summary|email|minutes|checklist|table)|qualify|draft|(write|compose) (a |an |me a |the )?([\w-]+ ){0,2}(email|message|reply|response|post|paragraph|description|bio|tweet|note|announcement|cover letter|apology|reminder|invitation|letter)|expli(que|ca)\w*|erkl(ä|ae)r\w*|différence|diferencia|unterschied|résum\w*|resumir|resuma|resumen|zusammenfass\w*)\b",
        Options)]
    public static partial Regex Explanation();

    [GeneratedRegex(
        @"\b(([1-9]\d{3,4}|[5-9]\d{2})[- ]words?|\d+[- ]pages?|(detailed|full|comprehensive|exhaustive|in-depth|complete|long-?form) ([\w-]+ )?(report|analysis|plan|guide|explanation|write-?up|proposal|memo|breakdown|review|documentation|tutorial|comparison|postmortem|post-mortem|literature review)|design doc(ument)?|technical spec(ification)?|white ?paper|essay|long-?form|chapters?)\b",
        Options)]
    public static partial Regex LongOutput();

    [GeneratedRegex(
        @"\b(briefly|in (one|a single|1|two|2|a few|few) (sentence|sentences|word|words|line|lines)|one[- ]word|one[- ]liner|yes or no|true or false|short answer|just (the|a) (number|name|answer|word|date|label)|only (the|a) (number|name|answer|word|label|category)|keep it (short|brief)|max(imum)? \d+ words|under \d+ words|tl;?dr)\b",
        Options)]
    public static partial Regex Brevity();

    [GeneratedRegex(
        @"^\W*(hi|hello|hey|hiya|thanks|thank you|good (morning|afternoon|evening)|ok|okay|cool|bye|ping|yo)\b|\b(translate|classify|categori[sz]e|extract|what is|what's|who is|who was|when (is|was|did)|where is|define|spell|convert|tag|label|sentiment|look up|lookup|what time|which (one|day|year)|is it|list the|name the|capital of|stock price|price of|status of|correct the (spelling|grammar))\b",
        Options)]
    public static partial Regex SimpleTask();

    [GeneratedRegex(@"[?？¿]", Options)]
    public static partial Regex QuestionMark();
}
