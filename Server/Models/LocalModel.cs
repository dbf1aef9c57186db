using System.Security.Cryptography;
using System.Text;
using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Embeddings;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Formats.Templates;
using LocalOpenAi.Server.Models.Catalog;

namespace LocalOpenAi.Server.Models;

/// <summary>A loaded alias as the endpoints see it: its scheduler, prompt format and sampling defaults.</summary>
internal sealed record LocalModel(
    string Alias, LlamaModel Model, InferenceScheduler Scheduler, IChatTemplate Template, EmbeddingGenerator? Embeddings, DateTimeOffset LoadedAt, SamplingDefaults Defaults)
{
    /// <summary>OpenAI's <c>system_fingerprint</c>: changes when the model file, its adapter or its serving setup changes.</summary>
    public string Fingerprint { get; } = "fp_" + Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes($"{Model.Path}|{Model.SizeInBytes}|{Scheduler.Adapter?.Path}|{Scheduler.AdapterScale}|{Scheduler.SlotCount}|{Scheduler.ContextSizePerSlot}")))[..10];
}
