namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// The 256 Llama 3 special (control) tokens. In Llama 3.x vocabularies they occupy ids
/// 128000-128255 in the order of <see cref="All"/>.
/// </summary>
public static class Llama3SpecialTokens
{
    /// <summary>Beginning of text (BOS), id 128000.</summary>
    public const string BeginOfText = "<|begin_of_text|>";

    /// <summary>End of text, id 128001.</summary>
    public const string EndOfText = "<|end_of_text|>";

    /// <summary>Fine-tuning pad token, id 128004.</summary>
    public const string FinetuneRightPad = "<|finetune_right_pad_id|>";

    /// <summary>Starts a role header, id 128006.</summary>
    public const string StartHeader = "<|start_header_id|>";

    /// <summary>Ends a role header, id 128007.</summary>
    public const string EndHeader = "<|end_header_id|>";

    /// <summary>End of message (tool call pending), id 128008.</summary>
    public const string EndOfMessage = "<|eom_id|>";

    /// <summary>End of turn, id 128009; the EOS token of Instruct models.</summary>
    public const string EndOfTurn = "<|eot_id|>";

    /// <summary>Python tool-call tag, id 128010.</summary>
    public const string PythonTag = "<|python_tag|>";

    /// <summary>Number of special tokens.</summary>
    public const int Count = 256;

    /// <summary>Id of the first special token in the real Llama 3 vocabulary.</summary>
    public const int FirstIdInLlama3 = 128000;

    /// <summary>All 256 special tokens in id order.</summary>
    public static IReadOnlyList<string> All { get; } = BuildAll();

    /// <summary>Offset of <paramref name="token"/> within <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string token)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == token)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A reserved token name, e.g. <c>&lt;|reserved_special_token_0|&gt;</c>.</summary>
    public static string Reserved(int index) => $"<|reserved_special_token_{index}|>";

    private static string[] BuildAll()
    {
        var tokens = new List<string>(Count)
        {
            BeginOfText,
            EndOfText,
            Reserved(0),
            Reserved(1),
            FinetuneRightPad,
            Reserved(2),
            StartHeader,
            EndHeader,
            EndOfMessage,
            EndOfTurn,
            PythonTag,
        };
        for (var reserved = 3; tokens.Count < Count; reserved++)
        {
            tokens.Add(Reserved(reserved));
        }

        return [.. tokens];
    }
}
