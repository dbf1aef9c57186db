namespace LocalOpenAi.Tests.Deploy;

/// <summary>The instructions from one <c>FROM</c> to the next.</summary>
/// <param name="BaseImage">The image after <c>FROM</c>, with global ARG defaults substituted.</param>
/// <param name="Name">The <c>AS</c> name, if any.</param>
internal sealed record DockerStage(string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(instruction => instruction.Keyword == keyword);
}
