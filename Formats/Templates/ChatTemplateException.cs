namespace LocalOpenAi.Formats.Templates;

/// <summary>A conversation that a chat template cannot render (answered as a 400).</summary>
public sealed class ChatTemplateException(string message) : Exception(message);
