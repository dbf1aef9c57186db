using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;

namespace LocalOpenAi.Router.Classification;

/// <summary>The model file: JSON with the named features' weights readable, the hashed ones as gzipped half floats in base64.</summary>
public sealed partial class ComplexityModel
{
    private const string Format = "localopenai-complexity-model/1";
    private const string EmbeddedName = "LocalOpenAi.Router.complexity-model.json";
    private static readonly Lazy<ComplexityModel> Embedded = new(() =>
    {
        using var stream = typeof(ComplexityModel).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The embedded resource {EmbeddedName} is missing.");
        return Load(stream);
    });

    /// <summary>The model trained on the repository's corpus, shipped inside this assembly.</summary>
    public static ComplexityModel Default => Embedded.Value;

    /// <summary>Reads a model file.</summary>
    /// <exception cref="FormatException">The file is not a model for these features.</exception>
    public static ComplexityModel Load(Stream stream)
    {
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        if (root.GetProperty("format").GetString() != Format)
        {
            throw new FormatException($"Not a {Format} file.");
        }

        var buckets = root.GetProperty("hash_buckets").GetInt32();
        var weights = new float[(RequestFeatures.Dense.Count + buckets) * Classes];
        var named = root.GetProperty("features");
        for (var i = 0; i < RequestFeatures.Dense.Count; i++)
        {
            if (!named.TryGetProperty(RequestFeatures.Dense[i], out var row))
            {
                throw new FormatException($"The model has no weights for feature '{RequestFeatures.Dense[i]}'; retrain it with train-router.");
            }

            ReadTriple(row, weights.AsSpan(i * Classes, Classes));
        }

        var hashed = Decompress(Convert.FromBase64String(root.GetProperty("hashed_weights").GetString()!));
        if (hashed.Length != buckets * Classes * 2)
        {
            throw new FormatException("hashed_weights does not hold hash_buckets x 3 weights.");
        }

        for (var i = 0; i < buckets * Classes; i++)
        {
            weights[(RequestFeatures.Dense.Count * Classes) + i] = (float)BinaryPrimitives.ReadHalfLittleEndian(hashed.AsSpan(i * 2, 2));
        }

        var bias = new float[Classes];
        ReadTriple(root.GetProperty("bias"), bias);
        var thresholds = new ComplexityThresholds(root.GetProperty("moderate_threshold").GetDouble(), root.GetProperty("complex_threshold").GetDouble());
        var training = root.GetProperty("training");
        return new ComplexityModel(buckets, weights, bias, thresholds, new ModelTraining(
            training.GetProperty("samples").GetInt32(),
            training.GetProperty("l2").GetDouble(),
            training.GetProperty("iterations").GetInt32(),
            training.GetProperty("target_complex_recall").GetDouble()));
    }

    /// <summary>Reads a model file from disk.</summary>
    public static ComplexityModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Writes the model file (deterministic for a given model).</summary>
    public void Save(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("hash_buckets", HashBuckets);
        json.WriteNumber("moderate_threshold", Thresholds.Moderate);
        json.WriteNumber("complex_threshold", Thresholds.Complex);
        json.WriteStartObject("training");
        json.WriteNumber("samples", Training.Samples);
        json.WriteNumber("l2", Training.L2);
        json.WriteNumber("iterations", Training.Iterations);
        json.WriteNumber("target_complex_recall", Training.TargetComplexRecall);
        json.WriteEndObject();
        WriteTriple(json, "bias", _bias);
        json.WriteStartObject("features");
        for (var i = 0; i < RequestFeatures.Dense.Count; i++)
        {
            WriteTriple(json, RequestFeatures.Dense[i], _weights.AsSpan(i * Classes, Classes));
        }

        json.WriteEndObject();
        var hashed = new byte[HashBuckets * Classes * 2];
        for (var i = 0; i < HashBuckets * Classes; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(hashed.AsSpan(i * 2, 2), (Half)_weights[(RequestFeatures.Dense.Count * Classes) + i]);
        }

        json.WriteString("hashed_weights", Convert.ToBase64String(Compress(hashed)));
        json.WriteEndObject();
    }

    private static void WriteTriple(Utf8JsonWriter json, string name, ReadOnlySpan<float> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(System.Math.Round((double)value, 5));
        }

        json.WriteEndArray();
    }

    private static void ReadTriple(JsonElement array, Span<float> values)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i++] = item.GetSingle();
        }
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
