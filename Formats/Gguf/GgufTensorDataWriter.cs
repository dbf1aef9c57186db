namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// Writes one tensor's raw data (exactly its byte size, in the tensor's ggml type) to
/// <paramref name="destination"/>. Called once per tensor, in order, while the file is written.
/// </summary>
/// <param name="destination">A write-only stream; do not dispose it.</param>
public delegate void GgufTensorDataWriter(Stream destination);
