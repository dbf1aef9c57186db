using System.Text.Json;

namespace LocalOpenAi.LoadGenerator;

/// <summary>
/// The saved results of one server: a folder of JSON reports (one round), or a folder of round
/// folders, each holding the same workload files.
/// </summary>
internal static class ReportRounds
{
    /// <summary>One dictionary per round, in folder-name order, mapping each workload's file name to its report.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, LoadReport>> Read(string directory)
    {
        var roundFolders = Directory.GetDirectories(directory).Order(StringComparer.Ordinal).ToList();
        var folders = roundFolders.Count > 0 ? roundFolders : [directory];
        return folders.Select(ReadRound).ToList();
    }

    private static IReadOnlyDictionary<string, LoadReport> ReadRound(string folder) =>
        Directory.GetFiles(folder, "*.json").ToDictionary(path => Path.GetFileName(path), ReadReport, StringComparer.Ordinal);

    private static LoadReport ReadReport(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), LoadReportJson.Default.LoadReport)
        ?? throw new InvalidDataException($"{path} holds no load report");
}
