using System.Security.Cryptography;
using System.Text;
using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Embeddings;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Formats.Templates;

namespace LocalOpenAi.Server.Hosting;

/// <summary>A loaded model as the endpoints see it: its alias, scheduler and prompt format.</summary>
public sealed record LocalModel(string Alias, LlamaModel Model, InferenceScheduler Scheduler, IChatTemplate Template, EmbeddingGenerator? Embeddings, DateTimeOffset LoadedAt)
{
    /// <summary>OpenAI's <c>system_fingerprint</c>: changes when the model file or its serving setup changes.</summary>
    public string Fingerprint { get; } = "fp_" + Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes($"{Model.Path}|{Model.SizeInBytes}|{Scheduler.SlotCount}|{Scheduler.ContextSizePerSlot}")))[..10];
}
