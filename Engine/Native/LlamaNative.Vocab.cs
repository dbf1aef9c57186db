using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <remarks>A vocabulary pointer is owned by its model and lives exactly as long as it.</remarks>
internal static partial class LlamaNative
{
    [LibraryImport(Llama, EntryPoint = "llama_vocab_n_tokens")]
    internal static partial int VocabTokenCount(nint vocab);

    [LibraryImport(Llama, EntryPoint = "llama_vocab_is_eog")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool VocabIsEndOfGeneration(nint vocab, int token);

    [LibraryImport(Llama, EntryPoint = "llama_vocab_bos")]
    internal static partial int VocabBos(nint vocab);

    [LibraryImport(Llama, EntryPoint = "llama_tokenize")]
    internal static unsafe partial int Tokenize(nint vocab, byte* text, int textLength, int* tokens, int maxTokens, [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    [LibraryImport(Llama, EntryPoint = "llama_token_to_piece")]
    internal static unsafe partial int TokenToPiece(nint vocab, int token, byte* buffer, int length, int leftStrip, [MarshalAs(UnmanagedType.U1)] bool special);
}
