namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>Common English words, most frequent first, that the synthetic vocabulary turns into tokens.</summary>
internal static class EnglishWords
{
    public static IReadOnlyList<string> ByFrequency { get; } =
    [
        "the", "of", "and", "to", "a", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are", "as",
        "with", "his", "they", "I", "at", "be", "this", "have", "from", "or", "one", "had", "by", "word", "but",
        "not", "what", "all", "were", "we", "when", "your", "can", "said", "there", "use", "an", "each", "which",
        "she", "do", "how", "their", "if", "will", "up", "other", "about", "out", "many", "then", "them", "these",
        "so", "some", "her", "would", "make", "like", "him", "into", "time", "has", "look", "two", "more", "write",
        "go", "see", "number", "no", "way", "could", "people", "my", "than", "first", "water", "been", "call",
        "who", "its", "now", "find", "long", "down", "day", "did", "get", "come", "made", "may", "part", "hello",
        "world", "over", "new", "sound", "take", "only", "little", "work", "know", "place", "year", "live", "me",
        "back", "give", "most", "very", "after", "thing", "our", "just", "name", "good", "sentence", "man", "think",
        "say", "great", "where", "help", "through", "much", "before", "line", "right", "too", "mean", "old", "any",
        "same", "tell", "boy", "follow", "came", "want", "show", "also", "around", "form", "three", "small", "set",
        "put", "end", "does", "another", "well", "large", "must", "big", "even", "such", "because", "turn", "here",
        "why", "ask", "went", "men", "read", "need", "land", "different", "home", "us", "move", "try", "kind",
        "hand", "picture", "again", "change", "off", "play", "spell", "air", "away", "animal", "house", "point",
        "page", "letter", "mother", "answer", "found", "study", "still", "learn", "should", "America", "model",
        "question", "story", "token", "text", "language", "computer", "data", "system", "server", "request",
        "response", "message", "assistant", "user", "function", "value", "file", "code", "test", "quick", "brown",
        "fox", "jumps", "lazy", "dog", "yes", "thanks", "please", "today", "weather", "city", "country", "friend",
        "open", "close", "light", "night", "morning", "between", "under", "never", "always", "something", "nothing",
        "every", "while", "last", "school", "family", "life", "state", "high", "next", "early", "young", "important",
        "few", "public", "able", "best", "better", "real", "sure", "free", "true", "full", "special", "clear",
    ];

    /// <summary>Frequent letter pairs, merged before whole words so unknown words still compress.</summary>
    public static IReadOnlyList<string> Bigrams { get; } =
    [
        "th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed", "is", "it",
        "al", "ar", "st", "to", "nt", "ng", "se", "ha", "as", "ou", "io", "le", "ve", "co", "me", "de", "hi", "ri",
        "ro", "ic", "ne", "ea", "ra", "ce", "li", "ch", "ll", "be", "ma", "si", "om", "ur",
    ];
}
