namespace LocalOpenAi.Formats.OpenAi;

/// <summary>llama-server's <c>POST /tokenize</c> body.</summary>
public sealed record TokenizeRequest(string? Content, string? Model = null, bool? AddSpecial = null, bool? ParseSpecial = null, bool? WithPieces = null);

/// <summary>Token ids, or ids with their text pieces when <c>with_pieces</c> was set.</summary>
public sealed record TokenizeResponse(IReadOnlyList<object> Tokens);

/// <summary>A token id with its text, for <c>with_pieces</c>.</summary>
public sealed record TokenPiece(int Id, string Piece);

/// <summary>llama-server's <c>POST /detokenize</c> body.</summary>
public sealed record DetokenizeRequest(IReadOnlyList<int>? Tokens, string? Model = null);

/// <summary>The text of the tokens.</summary>
public sealed record DetokenizeResponse(string Content);

/// <summary><c>POST /apply-template</c>: the conversation to render.</summary>
public sealed record ApplyTemplateRequest(IReadOnlyList<ChatMessage>? Messages, string? Model = null, IReadOnlyList<ChatTool>? Tools = null);

/// <summary>The exact prompt text the model would see.</summary>
public sealed record ApplyTemplateResponse(string Prompt);
